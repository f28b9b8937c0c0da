import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { Follow } from '../entities/follow.ts';
import type { User } from '../entities/user.ts';
import { type Page, type PageRequest, toPage } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';

/** Keyset of a follow list: when the follow happened (ms), then the other user's id. */
export type FollowCursor = [followedAtMs: number, userId: number];

export interface FollowListQuery extends PageRequest<FollowCursor> {
  userId: number;
  direction: 'followers' | 'following';
}

export interface FollowListEntry {
  user: User;
  followedAt: Date;
}

/** Who follows `userId` (or whom they follow), most recent follow first. */
export async function findFollowList(em: EntityManager, query: FollowListQuery): Promise<Page<FollowListEntry>> {
  const [self, other] =
    query.direction === 'followers' ? (['followed', 'user'] as const) : (['user', 'followed'] as const);
  const where: Record<string, unknown> = { [self]: query.userId };
  if (query.after) {
    const [at, id] = query.after;
    where.$or = [{ createdAt: { $lt: new Date(at) } }, { createdAt: new Date(at), [other]: { $lt: id } }];
  }
  const rows = await em.find(Follow, where, {
    orderBy: [{ createdAt: 'desc' }, { [other]: 'desc' }],
    limit: query.limit + 1,
    populate: [other],
    connectionType: readConnection(em),
  });
  const entries = rows.map((f) => ({ user: f[other], followedAt: f.createdAt }));
  return toPage(entries, query.limit, (e) => [e.followedAt.getTime(), e.user.id]);
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

/** Which of `userIds` `userId` follows. */
export async function findFollowedAmong(
  em: EntityManager,
  userId: number,
  userIds: readonly number[],
): Promise<Set<number>> {
  const rows = await em.execute(
    `select follow_user_id from users_follow_list where user_id = ? and follow_user_id in (${userIds.map(() => '?').join(', ')})`,
    [userId, ...userIds],
    { connectionType: readConnection(em) },
  );
  return new Set(rows.map((row) => Number(row.follow_user_id)));
}
