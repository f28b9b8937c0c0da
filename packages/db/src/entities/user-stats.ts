import { defineEntity, p } from '@mikro-orm/core';
import { afterTrigger } from './triggers.ts';

/** A trigger that changes counts in `user_stats` (`set`) as a row of its table is written or deleted. */
const countTrigger = (name: string, event: 'insert' | 'delete', set: string, where: string) =>
  afterTrigger(name, event, `update user_stats set ${set} where ${where}`);

/**
 * A user's counts, as Mastodon's `account_stats`: kept by triggers in the statement that changed
 * them, so a profile or an Account costs one primary-key read however busy its user, and the counts
 * are exact under concurrency (each change is an increment under the row's lock). A table of its
 * own, not columns of `users`: a follow or a tweet takes a shared lock on its users' rows (their
 * foreign keys), and two writers upgrading those to write locks would deadlock each other.
 * `lastTweetAt` is when the user last wrote (Mastodon's `last_status_at`, also kept past a deletion).
 */
export const UserStatsSchema = defineEntity({
  name: 'UserStats',
  tableName: 'user_stats',
  properties: {
    userId: p.integer().primary().autoincrement(false).fieldName('user_id'),
    followerCount: p.integer().fieldName('follower_count').default(0),
    followingCount: p.integer().fieldName('following_count').default(0),
    tweetCount: p.integer().fieldName('tweet_count').default(0),
    lastTweetAt: p.datetime(3).fieldName('last_tweet_at').nullable(),
  },
});

export class UserStats extends UserStatsSchema.class {}
UserStatsSchema.setClass(UserStats);

/** `users`: a user's counts start and end with them. */
export const userStatsTriggers = [
  afterTrigger('user_stats_created', 'insert', 'insert into user_stats (user_id) values (new.id)'),
  afterTrigger('user_stats_deleted', 'delete', 'delete from user_stats where user_id = old.id'),
];

/** `tweets`: the author's tweet count and last tweet. */
export const tweetCountTriggers = [
  countTrigger(
    'tweet_counted',
    'insert',
    'tweet_count = tweet_count + 1, last_tweet_at = new.created_at',
    'user_id = new.user_id',
  ),
  countTrigger('tweet_uncounted', 'delete', 'tweet_count = tweet_count - 1', 'user_id = old.user_id'),
];

/**
 * `users_follow_list`: both users' counts in one statement, which locks their rows in key order,
 * so that a follow and the follow back at the same moment cannot deadlock.
 */
export const followCountTriggers = (['insert', 'delete'] as const).map((event) => {
  const [row, sign] = event === 'insert' ? ['new', '+'] : ['old', '-'];
  return countTrigger(
    event === 'insert' ? 'follow_counted' : 'follow_uncounted',
    event,
    `follower_count = follower_count ${sign} (user_id = ${row}.follow_user_id), ` +
      `following_count = following_count ${sign} (user_id = ${row}.user_id)`,
    `user_id in (${row}.user_id, ${row}.follow_user_id)`,
  );
});
