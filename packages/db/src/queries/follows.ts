import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { Follow } from '../entities/follow.ts';
import type { User } from '../entities/user.ts';
import { type Page, type PageRequest, toPage } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';

/** Keyset of a follow list: when the follow happened (ms), then the other user's id. */
export type FollowCursor = [followedAtMs: number, userId: number];

/**
 * A follow list's page: follows below `after` (the cursor, or Mastodon's `max_id`) and above `since`
 * (`since_id`, `min_id`), each bound exclusive. `oldestFirst` takes the page just above `since`
 * rather than just below `after`; either way the page is answered most recent first, and an
 * oldest-first page has no next cursor (as a timeline's, `TimelinePage`).
 */
export interface FollowListQuery extends PageRequest<FollowCursor> {
  userId: number;
  direction: 'followers' | 'following';
  since?: FollowCursor | undefined;
  oldestFirst?: boolean | undefined;
}

export interface FollowListEntry {
  user: User;
  followedAt: Date;
  /** Where the follow stands in the list (`followId`). */
  position: FollowCursor;
}

/** Digits of a user id in a follow id: ids are unsigned 32-bit, so at most 10. */
const userIdDigits = 10;

/**
 * A follow's id within a list, as Mastodon pages these lists by the follow's id: its keyset as one
 * decimal number (the time in ms, then the other user's id in 10 digits), which orders as the list
 * does. Too large for a JavaScript number, so it stays text.
 */
export const followId = ([at, userId]: FollowCursor): string => `${at}${String(userId).padStart(userIdDigits, '0')}`;

/** The keyset of a `followId`, or null when the text is not one. */
export function parseFollowId(text: string): FollowCursor | null {
  if (!/^\d{11,25}$/.test(text)) return null;
  const at = Number(text.slice(0, -userIdDigits));
  const userId = Number(text.slice(-userIdDigits));
  return Number.isSafeInteger(at) && userId <= 0xffffffff ? [at, userId] : null;
}

/** Who follows `userId` (or whom they follow), most recent follow first. */
export async function findFollowList(em: EntityManager, query: FollowListQuery): Promise<Page<FollowListEntry>> {
  const [self, other] =
    query.direction === 'followers' ? (['followed', 'user'] as const) : (['user', 'followed'] as const);
  // The keyset compared as a pair: (createdAt, other) below or above a bound.
  const beyond = ([at, id]: FollowCursor, op: '$lt' | '$gt') => ({
    $or: [{ createdAt: { [op]: new Date(at) } }, { createdAt: new Date(at), [other]: { [op]: id } }],
  });
  const bounds = [
    ...(query.after ? [beyond(query.after, '$lt')] : []),
    ...(query.since ? [beyond(query.since, '$gt')] : []),
  ];
  const order = query.oldestFirst ? 'asc' : 'desc';
  const rows = await em.find(
    Follow,
    { [self]: query.userId, ...(bounds.length ? { $and: bounds } : {}) },
    {
      orderBy: [{ createdAt: order }, { [other]: order }],
      limit: query.limit + 1,
      populate: [other],
      connectionType: readConnection(em),
    },
  );
  const entries = rows.map((f): FollowListEntry => {
    const user = f[other];
    return { user, followedAt: f.createdAt, position: [f.createdAt.getTime(), user.id] };
  });
  if (query.oldestFirst) return { items: entries.slice(0, query.limit).reverse(), nextCursor: null };
  return toPage(entries, query.limit, (e) => e.position);
}

/**
 * Follows idempotently, in one statement: a repeat, even a concurrent one, is a no-op rather than a
 * duplicate-key error, and so is a followee who does not exist (no foreign-key error). True when the
 * follow is new.
 */
export async function insertFollow(em: EntityManager, userId: number, followUserId: number): Promise<boolean> {
  const { insert, onConflict } = insertIgnore(em);
  const result = await em.execute<QueryResult>(
    `${insert} into users_follow_list (user_id, follow_user_id, created_at) ` +
      `select ?, id, ? from users where id = ?${onConflict}`,
    [userId, new Date(), followUserId],
    'run',
  );
  return result.affectedRows > 0;
}

/** True when there was a follow to delete. */
export async function deleteFollow(em: EntityManager, userId: number, followUserId: number): Promise<boolean> {
  const result = await em.execute<QueryResult>(
    'delete from users_follow_list where user_id = ? and follow_user_id = ?',
    [userId, followUserId],
    'run',
  );
  return result.affectedRows > 0;
}

/** Whether `userId` follows `followUserId`, or null when `followUserId` names no user. */
export async function findFollowing(em: EntityManager, userId: number, followUserId: number): Promise<boolean | null> {
  const [row] = await em.execute(
    'select exists (select 1 from users_follow_list where user_id = ? and follow_user_id = u.id) as following ' +
      'from users u where u.id = ?',
    [userId, followUserId],
    { connectionType: readConnection(em) },
  );
  return row ? Boolean(Number(row.following)) : null;
}

/** Which of `userIds` `userId` follows, or (`followers`) which of them follow `userId`. */
export async function findFollowedAmong(
  em: EntityManager,
  userId: number,
  userIds: readonly number[],
  direction: 'following' | 'followers' = 'following',
): Promise<Set<number>> {
  const [self, other] = direction === 'following' ? ['user_id', 'follow_user_id'] : ['follow_user_id', 'user_id'];
  const rows = await em.execute(
    `select ${other} as other from users_follow_list where ${self} = ? and ${other} in (${userIds.map(() => '?').join(', ')})`,
    [userId, ...userIds],
    { connectionType: readConnection(em) },
  );
  return new Set(rows.map((row) => Number(row.other)));
}
