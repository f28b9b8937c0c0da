import type { EntityManager } from '@mikro-orm/sql';
import { User } from '../entities/user.ts';
import { type AccountData, mapColumns, type UserData, userColumns, userRow } from './read-models.ts';

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
 * The account of session `sessionId` when it is user `userId`'s and has not expired, in one statement
 * (every signed-in call makes it), as plain data; null otherwise. Most calls only read it; the few
 * that change the account make it an entity (`em.merge`), which would cost more than the query here.
 */
export async function findLiveSessionUser(
  em: EntityManager,
  sessionId: string,
  userId: number,
): Promise<AccountData | null> {
  const [row] = await em.execute(
    `select ${userColumns} from auth_sessions s join users u on u.id = s.user_id ` +
      'where s.id = ? and s.user_id = ? and s.expires_at > ?',
    [sessionId, userId, new Date()],
  );
  return row ? (mapColumns(em, User, userRow(row)) as AccountData) : null;
}
