import {
  deleteOwnTweet,
  type EntityManager,
  findPublicTimeline,
  insertTweet,
  Tweet,
  type TweetData,
  type UserSummaryData,
} from '@miniter/db';
import { ServiceError } from './errors.ts';

// Writes are single autocommitted statements: the unit of work would wrap each in BEGIN … COMMIT
// (three round trips for one row) and build an entity that nobody reads back.

export async function createTweet(em: EntityManager, author: UserSummaryData, text: string): Promise<TweetData> {
  const createdAt = new Date();
  const id = await insertTweet(em, author.id, text, createdAt);
  return { id, text, createdAt, author, likeCount: 0, liked: false };
}

export async function deleteTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<void> {
  if (await deleteOwnTweet(em, tweetId, user.id)) return;
  // Nothing deleted: someone else's tweet, or none at all.
  if (await em.count(Tweet, { id: tweetId })) {
    throw new ServiceError('FORBIDDEN', 'You can only delete your own tweets');
  }
  throw tweetNotFound(tweetId);
}

export const tweetNotFound = (tweetId: number) => new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);

/**
 * One tweet, as `readerId` sees it (whether they liked it): the public timeline's page bounded to
 * its id, the timeline's own read of a tweet, its author and counts.
 */
export async function getTweet(em: EntityManager, tweetId: number, readerId?: number): Promise<TweetData> {
  const page = { after: tweetId + 1, since: tweetId - 1, limit: 1, readerId };
  const [found] = (await findPublicTimeline(em, page)).items;
  if (!found) throw tweetNotFound(tweetId);
  return found;
}
