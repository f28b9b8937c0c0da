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
  return { id: await insertTweet(em, author.id, text, createdAt), text, createdAt, author };
}

export async function deleteTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<void> {
  if (await deleteOwnTweet(em, tweetId, user.id)) return;
  // Nothing deleted: someone else's tweet, or none at all.
  if (await em.count(Tweet, { id: tweetId })) {
    throw new ServiceError('FORBIDDEN', 'You can only delete your own tweets');
  }
  throw new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);
}

/** One tweet: the public timeline's page bounded to its id, the timeline's own read of a tweet and author. */
export async function getTweet(em: EntityManager, tweetId: number): Promise<TweetData> {
  const [found] = (await findPublicTimeline(em, { after: tweetId + 1, since: tweetId - 1, limit: 1 })).items;
  if (!found) throw new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);
  return found;
}
