import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { insertIgnore } from './dialect.ts';

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
 * The tweet `tweetId` is, or passes on when it is a repost (a reply to, like or repost of a repost
 * is of its tweet, as on Mastodon), with its author; null when there is none.
 */
export async function findOriginal(em: EntityManager, tweetId: number): Promise<{ id: number; userId: number } | null> {
  const [row] = await em.execute('select id, user_id, repost_of_id, repost_of_user_id from tweets where id = ?', [
    tweetId,
  ]);
  if (!row) return null;
  return row.repost_of_id === null
    ? { id: Number(row.id), userId: Number(row.user_id) }
    : { id: Number(row.repost_of_id), userId: Number(row.repost_of_user_id) };
}

/**
 * Makes the counts row (`tweet_stats`) of `tweetId`'s tweet (what it passes on, for a repost) unless
 * it is there or the tweet is not: before the first like, reply or repost, whose trigger counts on
 * that row. Autocommitted on its own, so that no transaction holds the row's lock longer than a count.
 */
export async function insertTweetStats(em: EntityManager, tweetId: number): Promise<void> {
  const { insert, onConflict } = insertIgnore(em);
  await em.execute(
    `${insert} into tweet_stats (tweet_id) select coalesce(repost_of_id, id) from tweets where id = ?${onConflict}`,
    [tweetId],
  );
}

/** Reposts `tweet` as `userId` unless they have (one repost per user and tweet). */
export async function insertRepost(
  em: EntityManager,
  userId: number,
  tweet: { id: number; userId: number },
  createdAt: Date,
): Promise<void> {
  const { insert, onConflict } = insertIgnore(em);
  await em.execute(
    `${insert} into tweets (user_id, tweet, created_at, repost_of_id, repost_of_user_id) values (?, '', ?, ?, ?)${onConflict}`,
    [userId, createdAt, tweet.id, tweet.userId],
  );
}

/** `userId`'s repost of `tweetId` (its entry's id), if they reposted it. */
export async function findRepostId(em: EntityManager, userId: number, tweetId: number): Promise<number | null> {
  const [row] = await em.execute('select id from tweets where repost_of_id = ? and user_id = ?', [tweetId, userId]);
  return row ? Number(row.id) : null;
}

/** Deletes the reposts of `tweetId` (only `userId`'s, if given). */
export async function deleteReposts(em: EntityManager, tweetId: number, userId?: number): Promise<void> {
  const byUser = userId === undefined ? '' : ' and user_id = ?';
  await em.execute(
    `delete from tweets where repost_of_id = ?${byUser}`,
    userId === undefined ? [tweetId] : [tweetId, userId],
  );
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
