/**
 * Likes: one per user and tweet. Liking is two autocommitted statements: the tweet's counts row
 * (made by its first like), then the like, whose trigger counts it under that row's lock. Each
 * reads the tweet as `insert … select`, so that a like of a tweet that is gone writes nothing, and a
 * like of a repost is of the tweet it passes on.
 */
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { User } from '../entities/user.ts';
import type { Page } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';
import { mapColumns, type TweetData, tweetData, type UserData, userColumns, userRow } from './read-models.ts';
import { idBounds, pageOfRows, readOrder, shownWith, type TimelinePage } from './timeline.ts';
import { insertTweetStats } from './tweets.ts';

/** Likes `tweetId` as `userId`: true when this made the like, false when it was there; null: no such tweet. */
export async function insertLike(em: EntityManager, userId: number, tweetId: number): Promise<boolean | null> {
  await insertTweetStats(em, tweetId);
  const { insert, onConflict } = insertIgnore(em);
  const liked = await em.execute<QueryResult>(
    `${insert} into tweet_likes (user_id, tweet_id, created_at) ` +
      `select ?, coalesce(repost_of_id, id), ? from tweets where id = ?${onConflict}`,
    [userId, new Date(), tweetId],
    'run',
  );
  if (liked.affectedRows > 0) return true;
  return (await tweetExists(em, tweetId)) ? false : null;
}

/** Takes back `userId`'s like of `tweetId`: true when there was one, false when not; null: no such tweet. */
export async function deleteLike(em: EntityManager, userId: number, tweetId: number): Promise<boolean | null> {
  const result = await em.execute<QueryResult>(
    'delete from tweet_likes where user_id = ? and tweet_id = (select coalesce(repost_of_id, id) from tweets where id = ?)',
    [userId, tweetId],
    'run',
  );
  if (result.affectedRows > 0) return true;
  return (await tweetExists(em, tweetId)) ? false : null;
}

async function tweetExists(em: EntityManager, tweetId: number): Promise<boolean> {
  const [row] = await em.execute('select count(*) as n from tweets where id = ?', [tweetId]);
  return Number(row?.n) > 0;
}

/** Someone who liked or reposted a tweet, with their like's or repost's id (by which the list pages). */
export interface TweetPerson {
  user: UserData;
  entryId: number;
}

/** A list's `where` on its entries (`l`) within the page's bounds (their ids), its order and limit. */
function likeWindow(page: TimelinePage, owner: string) {
  const bounds = idBounds(page, 'l.id');
  return {
    sql: `where ${[owner, ...bounds.sql].join(' and ')} order by l.id ${readOrder(page)} limit ?`,
    params: [...bounds.params, page.limit + 1],
  };
}

/** Where each list of a tweet's people is: its likes, its reposts (the entries that pass it on). */
const peopleOf = {
  likes: { table: 'tweet_likes', tweet: 'tweet_id' },
  reposts: { table: 'tweets', tweet: 'repost_of_id' },
} as const;

/** Who liked or reposted `tweetId`, most recent first; the page's bounds are their entries' ids. */
export async function findTweetPeople(
  em: EntityManager,
  list: keyof typeof peopleOf,
  tweetId: number,
  page: TimelinePage,
): Promise<Page<TweetPerson>> {
  const { table, tweet } = peopleOf[list];
  // Of a repost: of the tweet it passes on.
  const window = likeWindow(page, `l.${tweet} = (select coalesce(repost_of_id, id) from tweets where id = ?)`);
  const rows = await em.execute(
    `select l.id as entry_id, ${userColumns} from ${table} as l join users as u on u.id = l.user_id ${window.sql}`,
    [tweetId, ...window.params],
    { connectionType: readConnection(em) },
  );
  const entries = rows.map((row) => ({
    user: mapColumns(em, User, userRow(row)) as UserData,
    entryId: Number(row.entry_id),
  }));
  return pageOfRows(entries, page, (entry) => entry.entryId);
}

/** A tweet someone liked, with their like's id (by which their likes page). */
export interface LikedTweet {
  tweet: TweetData;
  likeId: number;
}

/** The tweets `userId` liked, most recent like first; the page's bounds are like ids. */
export async function findLikedTweets(
  em: EntityManager,
  userId: number,
  page: TimelinePage,
): Promise<Page<LikedTweet>> {
  const shown = shownWith({ readerId: userId });
  const window = likeWindow(page, 'l.user_id = ?');
  const rows = await em.execute(
    `select l.id as like_id, ${shown.columns} from tweet_likes as l join tweets as t on t.id = l.tweet_id ` +
      `${shown.join} ${window.sql}`,
    [...shown.params, userId, ...window.params],
    { connectionType: readConnection(em) },
  );
  const liked = rows.map((row) => ({ tweet: tweetData(em, row), likeId: Number(row.like_id) }));
  return pageOfRows(liked, page, (entry) => entry.likeId);
}
