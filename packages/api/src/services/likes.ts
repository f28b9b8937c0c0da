import {
  deleteLike,
  type EntityManager,
  findLikedTweets,
  findLikers,
  insertLike,
  type LikedTweet,
  type LikerEntry,
  type Page,
  type TweetData,
  type UserSummaryData,
} from '@miniter/db';
import type { TimelinePageParams } from './timelines.ts';
import { getTweet, tweetNotFound } from './tweets.ts';

/**
 * Likes a tweet: idempotent, as a follow (liking twice is one like, and succeeds). Answers the
 * tweet as it is now, its count and `liked` included.
 */
export async function likeTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<TweetData> {
  if ((await insertLike(em, user.id, tweetId)) === null) throw tweetNotFound(tweetId);
  return getTweet(em, tweetId, user.id);
}

/** Takes a like back: idempotent too (no like, nothing to do). */
export async function unlikeTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<TweetData> {
  if ((await deleteLike(em, user.id, tweetId)) === null) throw tweetNotFound(tweetId);
  return getTweet(em, tweetId, user.id);
}

/** Who liked a tweet, most recent first; NOT_FOUND for a tweet that does not exist. */
export async function likers(em: EntityManager, tweetId: number, page: TimelinePageParams): Promise<Page<LikerEntry>> {
  const found = await findLikers(em, tweetId, page);
  // An empty page is also what a missing tweet gives: only then is it looked for.
  if (!found.items.length) await getTweet(em, tweetId);
  return found;
}

/** The tweets you liked, most recent like first. */
export function likedTweets(
  em: EntityManager,
  user: UserSummaryData,
  page: TimelinePageParams,
): Promise<Page<LikedTweet>> {
  return findLikedTweets(em, user.id, page);
}
