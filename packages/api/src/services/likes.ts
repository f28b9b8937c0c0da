import {
  deleteLike,
  type EntityManager,
  findLikedTweets,
  findTweetPeople,
  insertLike,
  type LikedTweet,
  type Page,
  type TweetData,
  type TweetPerson,
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

/** Who liked or reposted a tweet, most recent first; NOT_FOUND for a tweet that does not exist. */
export async function tweetPeople(
  em: EntityManager,
  list: 'likes' | 'reposts',
  tweetId: number,
  page: TimelinePageParams,
): Promise<Page<TweetPerson>> {
  const found = await findTweetPeople(em, list, tweetId, page);
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
