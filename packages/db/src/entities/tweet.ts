import { defineEntity, p } from '@mikro-orm/core';
import { logTrigger } from './timeline-event.ts';
import { tweetDependentTriggers } from './tweet-stats.ts';
import { User } from './user.ts';
import { tweetCountTriggers } from './user-stats.ts';

export const TweetSchema = defineEntity({
  name: 'Tweet',
  tableName: 'tweets',
  properties: {
    id: p.integer().primary().autoincrement(),
    author: () => p.manyToOne(User).fieldName('user_id').deleteRule('cascade').index(false),
    // 300 code points; VARCHAR counts characters in utf8mb4, so emoji fit.
    text: p.string().length(300).fieldName('tweet'),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
    // The tweet this answers and its author, as they were when it was written: no foreign keys, as
    // a reply outlives what it answers (its thread then shows that as deleted).
    inReplyToId: p.integer().nullable().fieldName('in_reply_to_id'),
    inReplyToUserId: p.integer().nullable().fieldName('in_reply_to_user_id'),
    // A repost (as Mastodon's reblog, a row of its own with no text, in its reposter's timeline):
    // the tweet it passes on and that tweet's author. Deleted with it, by the service.
    repostOfId: p.integer().nullable().fieldName('repost_of_id'),
    repostOfUserId: p.integer().nullable().fieldName('repost_of_user_id'),
  },
  // One repost per user and tweet; also a tweet's reposts, for the home timeline's rule on them.
  uniques: [{ name: 'tweets_repost_of_id_user_id_unique', properties: ['repostOfId', 'author'] }],
  indexes: [
    // Serves "one author's tweets, newest first" and each leg of a timeline; whom a tweet answers is
    // in it so that the home timeline's rule on replies is decided from the index alone.
    { name: 'tweets_user_id_id_in_reply_to_user_id_index', properties: ['author', 'id', 'inReplyToUserId'] },
    // A tweet's replies, oldest first: its thread.
    { name: 'tweets_in_reply_to_id_id_index', properties: ['inReplyToId', 'id'] },
  ],
  triggers: [
    logTrigger('tweet_written_log', 'insert', 'tweet', 'user_id', 'id'),
    logTrigger('tweet_deleted_log', 'delete', 'delete', 'user_id', 'id'),
    ...tweetCountTriggers,
    ...tweetDependentTriggers,
  ],
});

export class Tweet extends TweetSchema.class {}
TweetSchema.setClass(Tweet);
