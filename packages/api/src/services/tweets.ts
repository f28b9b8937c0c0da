import {
  deleteOwnTweet,
  deleteReposts,
  type EntityManager,
  findOriginal,
  findThread,
  findTweetsById,
  insertHashtags,
  insertTweet,
  insertTweetEntities,
  insertTweetStats,
  type Thread,
  type ThreadQuery,
  Tweet,
  type TweetData,
  type UserSummaryData,
} from '@miniter/db';
import { tweetEntities } from '../tweet-text.ts';
import { ServiceError } from './errors.ts';

// Writes are single autocommitted statements: the unit of work would wrap each in BEGIN … COMMIT
// (three round trips for one row) and build an entity that nobody reads back.

/**
 * Posts a tweet; with `inReplyToId`, a reply to that tweet (NOT_FOUND when it does not exist). Its
 * mentions and hashtags are read from the text now and stored with it, so that reads never parse.
 */
export async function createTweet(
  em: EntityManager,
  author: UserSummaryData,
  text: string,
  inReplyToId?: number,
): Promise<TweetData> {
  const createdAt = new Date();
  const entities = tweetEntities(text);
  const inReplyTo = inReplyToId === undefined ? undefined : await findOriginal(em, inReplyToId);
  if (inReplyTo === null) {
    throw new ServiceError('NOT_FOUND', `Tweet ${inReplyToId} does not exist: there is nothing to reply to`);
  }
  // Its counts row, for the reply's trigger to count on.
  if (inReplyTo) await insertTweetStats(em, inReplyTo.id);
  if (!entities.usernames.length && !entities.hashtags.length) {
    const id = await insertTweet(em, author.id, text, createdAt, inReplyTo);
    // A plain tweet, the most written: one statement, and nothing to read back.
    if (!inReplyTo) {
      const nothing = { repostOfId: null, repostOf: null, mentions: [], hashtags: [], inReplyTo: null };
      const counts = { replyCount: 0, likeCount: 0, repostCount: 0, liked: false, reposted: false };
      return { id, text, createdAt, author, ...nothing, ...counts };
    }
    return getTweet(em, id, author.id);
  }
  await insertHashtags(em, entities.hashtags);
  const id = await em.transactional(async (tx) => {
    const written = await insertTweet(tx, author.id, text, createdAt, inReplyTo);
    await insertTweetEntities(tx, written, entities);
    return written;
  });
  // Read back, for whom it answers and mentions.
  return getTweet(em, id, author.id);
}

/** Deletes one of your tweets (or reposts), and every repost of it with it. */
export async function deleteTweet(em: EntityManager, user: UserSummaryData, tweetId: number): Promise<void> {
  const deleted = await em.transactional(async (tx) => {
    if (!(await deleteOwnTweet(tx, tweetId, user.id))) return false;
    await deleteReposts(tx, tweetId);
    return true;
  });
  if (deleted) return;
  // Nothing deleted: someone else's tweet, or none at all.
  if (await em.count(Tweet, { id: tweetId })) {
    throw new ServiceError('FORBIDDEN', 'You can only delete your own tweets');
  }
  throw tweetNotFound(tweetId);
}

export const tweetNotFound = (tweetId: number) => new ServiceError('NOT_FOUND', `Tweet ${tweetId} does not exist`);

/** One tweet, as `readerId` sees it (whether they liked it), with its author and counts. */
export async function getTweet(em: EntityManager, tweetId: number, readerId?: number): Promise<TweetData> {
  const found = (await findTweetsById(em, [tweetId], readerId)).get(tweetId);
  if (!found) throw tweetNotFound(tweetId);
  return found;
}

/** A tweet's thread: what it answers, up the chain, and a page of the replies below it. */
export async function getThread(em: EntityManager, query: ThreadQuery): Promise<Thread> {
  const thread = await findThread(em, query);
  if (!thread) throw tweetNotFound(query.tweetId);
  return thread;
}
