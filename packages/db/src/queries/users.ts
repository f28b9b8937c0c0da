import type { EntityManager } from '@mikro-orm/sql';
import { StreamTicket } from '../entities/stream-ticket.ts';
import { User } from '../entities/user.ts';
import { nameSearchTerms, usernameKey } from '../handles.ts';
import { readConnection, writerStickinessSeconds } from '../replicas.ts';
import { insertIgnore } from './dialect.ts';
import {
  type AccountData,
  mapColumns,
  profileColumns,
  type UserProfileData,
  userColumns,
  userProfile,
  userRow,
} from './read-models.ts';

/**
 * Users' public data with their counts (`user_stats`), in one statement however many
 * (a profile page, or a batch of them), as plain data by id; ids with no user are absent.
 */
export async function findUserProfiles(
  em: EntityManager,
  userIds: readonly number[],
): Promise<Map<number, UserProfileData>> {
  const profiles = await profilesWhere(em, `u.id in (${userIds.map(() => '?').join(', ')})`, userIds);
  return new Map(profiles.map((profile) => [profile.user.id, profile]));
}

/** The profile of the user whose handle is `username` in any case, or null. */
export async function findUserProfileByUsername(em: EntityManager, username: string): Promise<UserProfileData | null> {
  const [profile] = await profilesWhere(em, 'u.username_key = ?', [usernameKey(username)]);
  return profile ?? null;
}

async function profilesWhere(em: EntityManager, where: string, params: readonly unknown[]): Promise<UserProfileData[]> {
  const rows = await em.execute(
    `select ${profileColumns} from users u join user_stats s on s.user_id = u.id where ${where}`,
    [...params],
    { connectionType: readConnection(em) },
  );
  return rows.map((row) => userProfile(em, row));
}

/** Which of the handles (any case) belong to someone, as `usernameKey`s. */
export async function findTakenUsernames(em: EntityManager, usernames: readonly string[]): Promise<Set<string>> {
  const keys = usernames.map(usernameKey);
  const rows = await em.execute(
    `select username_key from users where username_key in (${keys.map(() => '?').join(', ')})`,
    keys,
  );
  return new Set(rows.map((row) => String(row.username_key)));
}

/**
 * Makes the terms `userId` is found by those of `name` (`nameSearchTerms`). A new account has none
 * to replace, and does not look: on MySQL the delete would lock the index's gap that concurrent
 * sign-ups insert into, and they would deadlock.
 */
export async function writeSearchTerms(
  em: EntityManager,
  userId: number,
  name: string,
  replace: boolean,
): Promise<void> {
  if (replace) await em.execute('delete from user_search_terms where user_id = ?', [userId], 'run');
  const terms = nameSearchTerms(name);
  if (!terms.length) return;
  // Terms its collation holds equal (a MySQL `ci` one: café, cafe) are one row.
  const { insert, onConflict } = insertIgnore(em);
  await em.execute(
    `${insert} into user_search_terms (term, user_id) values ${terms.map(() => '(?, ?)').join(', ')}${onConflict}`,
    terms.flatMap((term) => [term, userId]),
    'run',
  );
}

export interface LiveSession {
  user: AccountData;
  /**
   * True when the user tweeted, deleted, followed or unfollowed within the last few seconds: their
   * reads then stay on the primary, which has their writes (`writerStickinessSeconds`). Always false
   * without read replicas.
   */
  wroteRecently: boolean;
  /** When the session expires, ms. */
  expiresAtMs: number;
  /** The session epoch as this statement saw it (`queries/sessions.ts`): what a remembered check is valid for. */
  epoch: number;
  /** An OAuth session's scopes, space-separated; null for Miniter's own clients (everything). */
  scopes: string | null;
}

/**
 * The account of session `sessionId` when it is user `userId`'s (any user's, for an OAuth token, which
 * names no user) and has not expired, in one statement
 * (every signed-in call makes it), as plain data; null otherwise. Most calls only read it; the few
 * that change the account make it an entity (`em.merge`), which would cost more than the query here.
 * With read replicas the same statement tells whether the user wrote lately, from the live
 * timeline's event log (each such write logs an event in its own statement).
 */
export async function findLiveSessionUser(
  em: EntityManager,
  sessionId: string,
  userId: number | null,
): Promise<LiveSession | null> {
  const stickySeconds = writerStickinessSeconds(em);
  const [row] = await em.execute(
    `select ${userColumns}, s.expires_at, s.scopes, (select epoch from session_epoch where id = 1) as session_epoch` +
      (stickySeconds === null
        ? ''
        : ', exists (select 1 from timeline_events e where e.user_id = s.user_id ' +
          'and e.logged_at > current_timestamp - interval ? second) as wrote_recently') +
      ` from auth_sessions s join users u on u.id = s.user_id where s.id = ?${userId === null ? '' : ' and s.user_id = ?'}` +
      ' and s.expires_at > ?',
    [...(stickySeconds === null ? [] : [stickySeconds]), sessionId, ...(userId === null ? [] : [userId]), new Date()],
  );
  if (!row) return null;
  return {
    user: mapColumns(em, User, userRow(row)) as AccountData,
    wroteRecently: Boolean(Number(row.wrote_recently)),
    expiresAtMs: new Date(row.expires_at as string | number | Date).getTime(),
    epoch: Number(row.session_epoch ?? 0),
    scopes: row.scopes === null || row.scopes === undefined ? null : String(row.scopes),
  };
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

/** How many accounts and tweets there are (for the server's public figures: `nodeinfo`). */
export async function countAccountsAndTweets(em: EntityManager): Promise<{ users: number; tweets: number }> {
  const [row] = await em.execute(
    'select (select count(*) from users) as users, (select count(*) from tweets) as tweets',
    [],
    { connectionType: readConnection(em) },
  );
  return { users: Number(row?.users ?? 0), tweets: Number(row?.tweets ?? 0) };
}
