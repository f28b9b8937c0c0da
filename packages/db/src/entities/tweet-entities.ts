import { defineEntity, p } from '@mikro-orm/core';

/** The longest hashtag stored: a tweet's length (what is longer is in no tweet). */
export const hashtagMaxLength = 300;

/**
 * A hashtag ever used, by its key (`hashtagKey`: lower case), which its tweets point to by id:
 * what a tag search ranges over, one row per tag however many tweets carry it.
 */
export const HashtagSchema = defineEntity({
  name: 'Hashtag',
  tableName: 'hashtags',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(hashtagMaxLength).unique('hashtags_name_unique'),
  },
});

export class Hashtag extends HashtagSchema.class {}
HashtagSchema.setClass(Hashtag);

/**
 * A tweet carries a hashtag: stored when the tweet is written, so that reads never parse. Keyed by
 * tag, then tweet: a tag's timeline is a range of the primary key, newest first. No foreign keys:
 * rows go with their tweet by trigger (`tweetEntityTriggers`).
 */
export const TweetHashtagSchema = defineEntity({
  name: 'TweetHashtag',
  tableName: 'tweet_hashtags',
  properties: {
    hashtagId: p.integer().primary().autoincrement(false).fieldName('hashtag_id'),
    tweetId: p.integer().primary().autoincrement(false).fieldName('tweet_id'),
  },
  // A tweet's tags, read with it.
  indexes: [{ name: 'tweet_hashtags_tweet_id_index', properties: ['tweetId'] }],
});

export class TweetHashtag extends TweetHashtagSchema.class {}
TweetHashtagSchema.setClass(TweetHashtag);

/**
 * A tweet mentions an account (an `@username` that named one when the tweet was written). Keyed by
 * tweet (its mentions are read with it), and found by user (their mentions, and their deletion).
 */
export const TweetMentionSchema = defineEntity({
  name: 'TweetMention',
  tableName: 'tweet_mentions',
  properties: {
    tweetId: p.integer().primary().autoincrement(false).fieldName('tweet_id'),
    userId: p.integer().primary().autoincrement(false).fieldName('user_id'),
  },
  indexes: [{ name: 'tweet_mentions_user_id_tweet_id_index', properties: ['userId', 'tweetId'] }],
});

export class TweetMention extends TweetMentionSchema.class {}
TweetMentionSchema.setClass(TweetMention);
