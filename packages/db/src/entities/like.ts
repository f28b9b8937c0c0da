import { defineEntity, p } from '@mikro-orm/core';
import { afterTrigger } from './triggers.ts';
import { Tweet } from './tweet.ts';
import { User } from './user.ts';

/**
 * `user` likes `tweet`, at most once (the pair is unique). `id` orders likes as they came: a
 * tweet's likers and a user's liked tweets are paged by it, newest first, as Mastodon pages
 * favourites by the favourite's id.
 */
export const LikeSchema = defineEntity({
  name: 'Like',
  tableName: 'tweet_likes',
  properties: {
    id: p.integer().primary().autoincrement(),
    user: () => p.manyToOne(User).fieldName('user_id').deleteRule('cascade').index(false),
    tweet: () => p.manyToOne(Tweet).fieldName('tweet_id').deleteRule('cascade').index(false),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
  uniques: [{ name: 'tweet_likes_user_id_tweet_id_unique', properties: ['user', 'tweet'] }],
  indexes: [
    // A user's liked tweets, newest like first.
    { name: 'tweet_likes_user_id_id_index', properties: ['user', 'id'] },
    // A tweet's likers, newest first.
    { name: 'tweet_likes_tweet_id_id_index', properties: ['tweet', 'id'] },
  ],
  triggers: [
    afterTrigger(
      'like_counted',
      'insert',
      'update tweet_stats set like_count = like_count + 1 where tweet_id = new.tweet_id',
    ),
    afterTrigger(
      'like_uncounted',
      'delete',
      'update tweet_stats set like_count = like_count - 1 where tweet_id = old.tweet_id',
    ),
  ],
});

export class Like extends LikeSchema.class {}
LikeSchema.setClass(Like);
