/**
 * OAuth 2's rows: applications, authorization codes, and tokens (a user's token is a session,
 * `entities/session.ts`; an application's own is an `OAuthAppToken`). Codes and tokens are looked up
 * by their SHA-256 only (`services/oauth.ts` hashes them).
 */
import type { EntityManager } from '@mikro-orm/sql';
import { OAuthApplication, OAuthAppToken, OAuthAuthorizationCode } from '../entities/oauth.ts';
import { Session } from '../entities/session.ts';

export interface OAuthApplicationData {
  id: number;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecretHash: string;
  createdAt: Date;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

const applicationData = (app: OAuthApplication): OAuthApplicationData => ({
  id: app.id,
  name: app.name,
  website: app.website ?? null,
  redirectUris: words(app.redirectUris),
  scopes: words(app.scopes),
  clientId: app.clientId,
  clientSecretHash: app.clientSecretHash,
  createdAt: app.createdAt,
});

export async function insertApplication(
  em: EntityManager,
  app: Omit<OAuthApplicationData, 'id' | 'createdAt'>,
): Promise<OAuthApplicationData> {
  const row = em.create(OAuthApplication, {
    ...app,
    redirectUris: app.redirectUris.join('\n'),
    scopes: app.scopes.join(' '),
  });
  await em.flush();
  return applicationData(row);
}

export async function findApplication(
  em: EntityManager,
  where: { clientId: string } | { id: number },
): Promise<OAuthApplicationData | null> {
  const app = await em.findOne(OAuthApplication, where, { disableIdentityMap: true });
  return app ? applicationData(app) : null;
}

export interface AuthorizationCodeData {
  applicationId: number;
  userId: number;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  expiresAt: Date;
}

export async function insertAuthorizationCode(
  em: EntityManager,
  hash: string,
  code: AuthorizationCodeData,
): Promise<void> {
  await em.insert(OAuthAuthorizationCode, {
    id: hash,
    application: code.applicationId,
    user: code.userId,
    redirectUri: code.redirectUri,
    scopes: code.scopes.join(' '),
    codeChallenge: code.codeChallenge,
    expiresAt: code.expiresAt,
  });
}

export async function findAuthorizationCode(em: EntityManager, hash: string): Promise<AuthorizationCodeData | null> {
  const [row] = await em.execute(
    'select application_id, user_id, redirect_uri, scopes, code_challenge, expires_at ' +
      'from oauth_authorization_codes where id = ?',
    [hash],
  );
  if (!row) return null;
  return {
    applicationId: Number(row.application_id),
    userId: Number(row.user_id),
    redirectUri: String(row.redirect_uri),
    scopes: words(String(row.scopes)),
    codeChallenge: row.code_challenge === null ? null : String(row.code_challenge),
    expiresAt: new Date(row.expires_at as string | number | Date),
  };
}

/** Uses the code up: true for the one caller whose delete took it, across instances. */
export async function deleteAuthorizationCode(em: EntityManager, hash: string): Promise<boolean> {
  return (await em.nativeDelete(OAuthAuthorizationCode, { id: hash })) > 0;
}

/** Mastodon's tokens never expire: a session's `expires_at` as far as DATETIME goes. */
export const neverExpires = new Date(Date.UTC(9999, 11, 31));

export async function insertOAuthSession(
  em: EntityManager,
  session: { id: string; userId: number; applicationId: number; scopes: string[] },
): Promise<void> {
  await em.insert(Session, {
    id: session.id,
    user: session.userId,
    application: session.applicationId,
    scopes: session.scopes.join(' '),
    createdAt: new Date(),
    expiresAt: neverExpires,
  });
}

export async function insertAppToken(
  em: EntityManager,
  token: { id: string; applicationId: number; scopes: string[] },
): Promise<void> {
  await em.insert(OAuthAppToken, {
    id: token.id,
    application: token.applicationId,
    scopes: token.scopes.join(' '),
    createdAt: new Date(),
  });
}

/** The application and scopes of an application's own token, or null. */
export async function findAppToken(
  em: EntityManager,
  id: string,
): Promise<{ application: OAuthApplicationData; scopes: string[] } | null> {
  const token = await em.findOne(OAuthAppToken, { id }, { populate: ['application'], disableIdentityMap: true });
  return token ? { application: applicationData(token.application), scopes: words(token.scopes) } : null;
}

/** The application OAuth session `id` was granted to, while it lasts. */
export async function findSessionApplication(em: EntityManager, id: string): Promise<OAuthApplicationData | null> {
  const [row] = await em.execute(
    'select application_id from auth_sessions where id = ? and application_id is not null',
    [id],
  );
  return row ? findApplication(em, { id: Number(row.application_id) }) : null;
}

/** Ends token `id` if application `applicationId` holds it (a user's or its own); true if one went. */
export async function deleteOAuthToken(em: EntityManager, id: string, applicationId: number): Promise<boolean> {
  const sessions = await em.nativeDelete(Session, { id, application: applicationId });
  return sessions > 0 || (await em.nativeDelete(OAuthAppToken, { id, application: applicationId })) > 0;
}

/** Notes that OAuth session `id` was used, at most once a minute (a write per call would cost). */
export async function touchOAuthSession(em: EntityManager, id: string): Promise<void> {
  const now = new Date();
  await em.execute(
    'update auth_sessions set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)',
    [now, id, new Date(now.getTime() - 60_000)],
    'run',
  );
}

export interface AuthorizedApplication {
  id: number;
  name: string;
  website: string | null;
  scopes: string[];
  authorizedAt: Date;
  lastUsedAt: Date | null;
}

/** The applications `userId` has live tokens for, with every scope granted and the latest use. */
export async function findAuthorizedApplications(em: EntityManager, userId: number): Promise<AuthorizedApplication[]> {
  const rows = await em.execute(
    'select a.id, a.name, a.website, s.scopes, s.created_at, s.last_used_at from auth_sessions s ' +
      'join oauth_applications a on a.id = s.application_id where s.user_id = ? order by s.created_at',
    [userId],
  );
  const apps = new Map<number, AuthorizedApplication>();
  for (const row of rows) {
    const id = Number(row.id);
    const app = apps.get(id) ?? {
      id,
      name: String(row.name),
      website: row.website === null ? null : String(row.website),
      scopes: [],
      authorizedAt: new Date(row.created_at as string | number | Date),
      lastUsedAt: null,
    };
    app.scopes = [...new Set([...app.scopes, ...words(String(row.scopes))])];
    const used = row.last_used_at === null ? null : new Date(row.last_used_at as string | number | Date);
    if (used && (!app.lastUsedAt || used > app.lastUsedAt)) app.lastUsedAt = used;
    apps.set(id, app);
  }
  return [...apps.values()];
}

/** Ends every token of `userId`'s for application `applicationId`; how many went. */
export function deleteApplicationSessions(em: EntityManager, userId: number, applicationId: number): Promise<number> {
  return em.nativeDelete(Session, { user: userId, application: applicationId });
}
