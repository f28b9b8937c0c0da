import type { EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { Session } from '../entities/session.ts';
import { User } from '../entities/user.ts';
import { mapColumns, type UserData, userColumns, userRow } from './read-models.ts';

/**
 * A user's public data with their follower, following and tweet counts, in one statement (a
 * profile page makes it), as plain data; null when there is no such user.
 */
export async function findUserProfile(em: EntityManager, userId: number) {
  const [row] = await em.execute(
    `select ${userColumns}, ` +
      '(select count(*) from users_follow_list where follow_user_id = u.id) as followers, ' +
      '(select count(*) from users_follow_list where user_id = u.id) as following, ' +
      '(select count(*) from tweets where user_id = u.id) as tweets ' +
      'from users u where u.id = ?',
    [userId],
  );
  if (!row) return null;
  return {
    user: mapColumns(em, User, userRow(row)) as UserData,
    followerCount: Number(row.followers),
    followingCount: Number(row.following),
    tweetCount: Number(row.tweets),
  };
}

/**
 * The session `sessionId` of user `userId` with its user, in one statement (every signed-in call
 * makes it), or null when there is no such session or it has expired.
 */
export async function findLiveSession(em: EntityManager, sessionId: string, userId: number): Promise<Session | null> {
  const [row] = await em.execute(
    `select s.id, s.user_id, s.created_at, s.expires_at, ${userColumns} ` +
      'from auth_sessions s join users u on u.id = s.user_id where s.id = ? and s.user_id = ?',
    [sessionId, userId],
  );
  if (!row) return null;
  em.map(User, userRow(row));
  const session = em.map(Session, {
    id: row.id,
    user_id: row.user_id,
    created_at: row.created_at,
    expires_at: row.expires_at,
  } as EntityDictionary<Session>);
  return session.expiresAt.getTime() > Date.now() ? session : null;
}
