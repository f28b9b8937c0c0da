import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { readConnection } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';
import type { TweetData } from './read-models.ts';
import { shownWith, tweetPageOf } from './timeline.ts';

// A tweet's writes are single autocommitted statements written out: the ORM's insert and delete
// build a query (and, for an insert, change-set data) per call, which cost more than twice the
// statement itself in bench (about 110 µs against 45 µs of a server's CPU per insert).

/**
 * Stores a tweet and returns its id; with `inReplyTo`, a reply to that tweet by that author. One
 * `insert … values`: an `insert … select` from `tweets` would hold the table's auto-increment lock
 * for the whole statement, every other post waiting on it.
 */
export async function insertTweet(
  em: EntityManager,
  authorId: number,
  text: string,
  createdAt: Date,
  inReplyTo?: { id: number; userId: number },
): Promise<number> {
  const result = await em.execute<QueryResult>(
    'insert into tweets (user_id, tweet, created_at, in_reply_to_id, in_reply_to_user_id) values (?, ?, ?, ?, ?)',
    [authorId, text, createdAt, inReplyTo?.id ?? null, inReplyTo?.userId ?? null],
    'run',
  );
  return Number(result.insertId);
}

/**
 * What a reply to `tweetId` answers: the tweet's author, with its counts row made (for the reply's
 * trigger to count on), in autocommitted statements of their own, so that no transaction holds that
 * row's lock longer than its count takes; null when there is no such tweet.
 */
export async function findReplyTarget(
  em: EntityManager,
  tweetId: number,
): Promise<{ id: number; userId: number } | null> {
  const [row] = await em.execute('select user_id from tweets where id = ?', [tweetId]);
  if (!row) return null;
  await insertTweetStats(em, tweetId);
  return { id: tweetId, userId: Number(row.user_id) };
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

/** The handles (keys) a tweet mentions and its hashtags (keys), as the text's reading found them. */
export interface TweetEntityKeys {
  usernames: readonly string[];
  hashtags: readonly string[];
}

/**
 * Makes the hashtags that are not there yet, before the tweet's transaction: a tag is a row shared
 * by every tweet that carries it, made once (and kept, as Mastodon keeps its tags), and making it
 * outside keeps its unique index's lock out of the tweet's transaction.
 */
export async function insertHashtags(em: EntityManager, hashtags: readonly string[]): Promise<void> {
  if (!hashtags.length) return;
  const { insert, onConflict } = insertIgnore(em);
  // In one order, so that two writers of the same tags never wait on each other crosswise.
  const sorted = [...hashtags].sort();
  await em.execute(`${insert} into hashtags (name) values ${sorted.map(() => '(?)').join(', ')}${onConflict}`, sorted);
}

/**
 * Stores what tweet `tweetId` mentions (the handles that name an account) and carries (hashtags,
 * made by `insertHashtags`), in the tweet's transaction.
 */
export async function insertTweetEntities(em: EntityManager, tweetId: number, keys: TweetEntityKeys): Promise<void> {
  const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');
  if (keys.usernames.length) {
    await em.execute(
      `insert into tweet_mentions (tweet_id, user_id) select ?, id from users where username_key in (${marks(keys.usernames)})`,
      [tweetId, ...keys.usernames],
    );
  }
  if (keys.hashtags.length) {
    await em.execute(
      `insert into tweet_hashtags (hashtag_id, tweet_id) select id, ? from hashtags where name in (${marks(keys.hashtags)})`,
      [tweetId, ...keys.hashtags],
    );
  }
}
