import type { EntityManager } from '@mikro-orm/sql';
import { StreamTicket } from '../entities/stream-ticket.ts';
import { User } from '../entities/user.ts';
import { type AccountData, mapColumns, type UserData, userColumns, userRow } from './read-models.ts';

export interface UserProfileData {
  user: UserData;
  followerCount: number;
  followingCount: number;
  tweetCount: number;
}

/**
 * Users' public data with their follower, following and tweet counts, in one statement however many
 * (a profile page, or a batch of them), as plain data by id; ids with no user are absent.
 */
export async function findUserProfiles(
  em: EntityManager,
  userIds: readonly number[],
): Promise<Map<number, UserProfileData>> {
  const rows = await em.execute(
    `select ${userColumns}, ` +
      '(select count(*) from users_follow_list where follow_user_id = u.id) as followers, ' +
      '(select count(*) from users_follow_list where user_id = u.id) as following, ' +
      '(select count(*) from tweets where user_id = u.id) as tweets ' +
      `from users u where u.id in (${userIds.map(() => '?').join(', ')})`,
    [...userIds],
  );
  const profiles = new Map<number, UserProfileData>();
  for (const row of rows) {
    const user = mapColumns(em, User, userRow(row)) as UserData;
    profiles.set(user.id, {
      user,
      followerCount: Number(row.followers),
      followingCount: Number(row.following),
      tweetCount: Number(row.tweets),
    });
  }
  return profiles;
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

/**
 * Uses up the stream ticket whose SHA-256 is `hash`, if it has not expired: the session it opens a
 * stream for, or null. Only one caller can redeem a ticket, across instances: the delete decides.
 */
export async function redeemStreamTicket(
  em: EntityManager,
  hash: string,
): Promise<{ sessionId: string; userId: number } | null> {
  const [row] = await em.execute(
    'select t.session_id, s.user_id from stream_tickets t join auth_sessions s on s.id = t.session_id ' +
      'where t.id = ? and t.expires_at > ?',
    [hash, new Date()],
  );
  if (!row || !(await em.nativeDelete(StreamTicket, { id: hash }))) return null;
  return { sessionId: String(row.session_id), userId: Number(row.user_id) };
}
