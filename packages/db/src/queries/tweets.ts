import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { readConnection } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';
import type { TweetData } from './read-models.ts';
import { shownWith, tweetPageOf } from './timeline.ts';

// A tweet's writes are single autocommitted statements written out: the ORM's insert and delete
// build a query (and, for an insert, change-set data) per call, which cost more than twice the
// statement itself in bench (about 110 µs against 45 µs of a server's CPU per insert).

/** Stores a tweet and returns its id. */
export async function insertTweet(em: EntityManager, authorId: number, text: string, createdAt: Date): Promise<number> {
  const result = await em.execute<QueryResult>(
    'insert into tweets (user_id, tweet, created_at) values (?, ?, ?)',
    [authorId, text, createdAt],
    'run',
  );
  return Number(result.insertId);
}

/**
 * Stores a reply to `inReplyToId` and returns its id; null, writing nothing, when that tweet does not
 * exist. The statement reads what it answers, for its author.
 */
export async function insertReply(
  em: EntityManager,
  authorId: number,
  text: string,
  createdAt: Date,
  inReplyToId: number,
): Promise<number | null> {
  // The counts row first: the reply's trigger counts it there.
  await insertTweetStats(em, inReplyToId);
  const result = await em.execute<QueryResult>(
    'insert into tweets (user_id, tweet, created_at, in_reply_to_id, in_reply_to_user_id) ' +
      'select ?, ?, ?, id, user_id from tweets where id = ?',
    [authorId, text, createdAt, inReplyToId],
    'run',
  );
  return result.affectedRows > 0 ? Number(result.insertId) : null;
}

/**
 * Makes `tweetId`'s counts row (`tweet_stats`) unless it is there or the tweet is not: before the
 * first like of it or reply to it, whose trigger counts on that row.
 */
export async function insertTweetStats(em: EntityManager, tweetId: number): Promise<void> {
  const { insert, onConflict } = insertIgnore(em);
  await em.execute(`${insert} into tweet_stats (tweet_id) select id from tweets where id = ?${onConflict}`, [tweetId]);
}

/** Deletes the tweet if `authorId` wrote it; true when a row went. */
export async function deleteOwnTweet(em: EntityManager, tweetId: number, authorId: number): Promise<boolean> {
  const result = await em.execute<QueryResult>(
    'delete from tweets where id = ? and user_id = ?',
    [tweetId, authorId],
    'run',
  );
  return result.affectedRows > 0;
}

/** The tweets that still exist among `ids`, by id, as `readerId` sees them (whether they liked each). */
export async function findTweetsById(
  em: EntityManager,
  ids: readonly number[],
  readerId?: number,
): Promise<Map<number, TweetData>> {
  if (!ids.length) return new Map();
  const shown = shownWith({ readerId });
  const rows = await em.execute(
    `select ${shown.columns} from tweets as t ${shown.join} where t.id in (${ids.map(() => '?').join(', ')})`,
    [...shown.params, ...ids],
    { connectionType: readConnection(em) },
  );
  return new Map(tweetPageOf(em, { items: rows, nextCursor: null }, {}).items.map((tweet) => [tweet.id, tweet]));
}
