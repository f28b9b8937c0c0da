import {
  deleteReposts,
  type EntityManager,
  findOriginal,
  findRepostId,
  insertRepost,
  insertTweetStats,
  type TweetData,
  type UserSummaryData,
} from '@miniter/db';
import { getTweet, tweetNotFound } from './tweets.ts';

/** The tweet `tweetId` is or passes on; NOT_FOUND when there is none. */
async function originalOf(em: EntityManager, tweetId: number) {
  const original = await findOriginal(em, tweetId);
  if (!original) throw tweetNotFound(tweetId);
  return original;
}

/**
 * Reposts a tweet (of a repost: its tweet): idempotent, as a like. Answers the repost, an entry of
 * your own that carries the tweet (`repostOf`) with its count and `reposted`.
 */
export async function repostTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<TweetData> {
  const original = await originalOf(em, tweetId);
  // Its counts row first: the repost's trigger counts it there.
  await insertTweetStats(em, original.id);
  await insertRepost(em, user.id, original, new Date());
  const repostId = await findRepostId(em, user.id, original.id);
  // Deleted, with its reposts, between the statements.
  if (repostId === null) throw tweetNotFound(tweetId);
  return getTweet(em, repostId, user.id);
}

/** Takes a repost back (idempotent too); answers the tweet, as it is now. */
export async function unrepostTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<TweetData> {
  const original = await originalOf(em, tweetId);
  await deleteReposts(em, original.id, user.id);
  return getTweet(em, original.id, user.id);
}
