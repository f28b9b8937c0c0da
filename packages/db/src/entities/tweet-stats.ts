import { defineEntity, p } from '@mikro-orm/core';
import { afterTrigger } from './triggers.ts';

/**
 * A tweet's counts, kept by triggers in the statement that changed them (as `user_stats`), so that
 * a page of tweets reads them by primary key and they are exact under concurrency: 200 likes at
 * once are 200 increments, each under the row's lock. The row is made by the first like, reply or repost
 * (a tweet nobody touched has none, and counts 0), not by every tweet written: posting stays one row.
 * No foreign key: it goes with its tweet by trigger (`tweetDependentTriggers`).
 */
export const TweetStatsSchema = defineEntity({
  name: 'TweetStats',
  tableName: 'tweet_stats',
  properties: {
    tweetId: p.integer().primary().autoincrement(false).fieldName('tweet_id'),
    likeCount: p.integer().fieldName('like_count').default(0),
    replyCount: p.integer().fieldName('reply_count').default(0),
    repostCount: p.integer().fieldName('repost_count').default(0),
  },
});

export class TweetStats extends TweetStatsSchema.class {}
TweetStatsSchema.setClass(TweetStats);

/**
 * `tweets`: a reply or repost counts on its tweet (whose counts row its writer made first), and a deleted
 * tweet's likes, counts, hashtags and mentions go with it, also where no foreign key cascades (and
 * MySQL runs no triggers for rows a foreign key cascades to).
 */
export const tweetDependentTriggers = [
  afterTrigger(
    'reply_counted',
    'insert',
    'update tweet_stats set reply_count = reply_count + 1 where tweet_id = new.in_reply_to_id',
  ),
  afterTrigger(
    'reply_uncounted',
    'delete',
    'update tweet_stats set reply_count = reply_count - 1 where tweet_id = old.in_reply_to_id',
  ),
  afterTrigger(
    'repost_counted',
    'insert',
    'update tweet_stats set repost_count = repost_count + 1 where tweet_id = new.repost_of_id',
  ),
  afterTrigger(
    'repost_uncounted',
    'delete',
    'update tweet_stats set repost_count = repost_count - 1 where tweet_id = old.repost_of_id',
  ),
  afterTrigger('tweet_likes_deleted', 'delete', 'delete from tweet_likes where tweet_id = old.id'),
  afterTrigger('tweet_stats_deleted', 'delete', 'delete from tweet_stats where tweet_id = old.id'),
  afterTrigger('tweet_hashtags_deleted', 'delete', 'delete from tweet_hashtags where tweet_id = old.id'),
  afterTrigger('tweet_mentions_deleted', 'delete', 'delete from tweet_mentions where tweet_id = old.id'),
];
