/**
 * OAuth 2 as Mastodon serves it (docs: spec/oauth.md, methods/apps.md, methods/oauth.md):
 * applications register, a person authorizes one (a code bound to the application, redirect URI,
 * scopes and PKCE challenge, single-use, 10 minutes), and the code becomes an access token.
 *
 * A user's access token is a session (`auth_sessions`) whose id is the token's hash, so that it ends
 * the ways a session ends (revoked, log out everywhere, a password change, the account deleted) and
 * is refused at once on every instance (`live/sessions.ts`). Codes, secrets and tokens are stored
 * only as SHA-256 hashes: random 256-bit values need no slow hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type AuthorizationCodeData,
  deleteApplicationSessions,
  deleteAuthorizationCode,
  deleteOAuthToken,
  type EntityManager,
  findApplication,
  findAppToken,
  findAuthorizationCode,
  findAuthorizedApplications,
  findSessionApplication,
  insertApplication,
  insertAppToken,
  insertAuthorizationCode,
  insertOAuthSession,
  type OAuthApplicationData,
} from '@miniter/db';
import { covers, isScope, parseScopes, type RequiredScope } from '../scopes.ts';
import { ServiceError } from './errors.ts';

/** The redirect URI of applications that show the code for a person to copy (no redirect). */
export const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

/** How long an authorization code can wait to be exchanged (Mastodon's: 10 minutes). */
export const codeLifetimeMs = 10 * 60_000;

const newSecret = () => randomBytes(32).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A session's id for an OAuth token: its hash, cut to the column's 32 characters (128 bits). */
export const oauthSessionId = (token: string) => sha256(token).slice(0, 32);

/** A JWT has dots; an OAuth token (base64url) has none. */
export const isOAuthToken = (token: string) => !token.includes('.');

const invalid = (message: string, field?: string) => new ServiceError('UNPROCESSABLE_CONTENT', message, { field });

/** A redirect URI an application may register: absolute, and not one that runs in the browser. */
function checkRedirectUri(uri: string): void {
  if (uri === outOfBand) return;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalid(`Redirect URI ${JSON.stringify(uri)} must be an absolute URI`, 'redirect_uris');
  }
  if (['javascript:', 'data:', 'vbscript:', 'file:'].includes(url.protocol) || url.hash) {
    throw invalid(`Redirect URI ${JSON.stringify(uri)} is not allowed`, 'redirect_uris');
  }
}

function checkScopes(words: readonly string[], allowed?: readonly string[]): void {
  const unknown = words.find((word) => !isScope(word));
  if (unknown !== undefined) throw invalid(`Unknown scope ${JSON.stringify(unknown)}`, 'scopes');
  // A granular scope is within a registered one that stands for it (`write` holds `write:statuses`).
  const beyond =
    allowed &&
    words.find((word) => !allowed.includes(word) && !(word.includes(':') && covers(allowed, word as RequiredScope)));
  if (beyond) throw invalid(`The application did not register the scope ${JSON.stringify(beyond)}`, 'scopes');
}

export interface ApplicationRegistration {
  name: string;
  redirectUris: string[];
  scopes?: string | undefined;
  website?: string | null | undefined;
}

/** Registers an application: itself, and its secret, which is shown only now. */
export async function registerApplication(
  em: EntityManager,
  registration: ApplicationRegistration,
): Promise<{ application: OAuthApplicationData; clientSecret: string }> {
  const redirectUris = registration.redirectUris.flatMap((uri) => uri.split(/\s+/)).filter(Boolean);
  if (!redirectUris.length) throw invalid('At least one redirect URI is required', 'redirect_uris');
  for (const uri of redirectUris) checkRedirectUri(uri);
  const scopes = parseScopes(registration.scopes);
  checkScopes(scopes);
  const clientSecret = newSecret();
  const application = await insertApplication(em, {
    name: registration.name,
    website: registration.website || null,
    redirectUris,
    scopes,
    clientId: newSecret(),
    clientSecretHash: sha256(clientSecret),
  });
  return { application, clientSecret };
}

/** The application `clientId` names when `clientSecret` is its secret, or null. */
export async function authenticateClient(
  em: EntityManager,
  clientId: string,
  clientSecret: string | undefined,
): Promise<OAuthApplicationData | null> {
  const application = clientSecret ? await findApplication(em, { clientId }) : null;
  if (!application || !clientSecret) return null;
  const given = Buffer.from(sha256(clientSecret));
  return timingSafeEqual(given, Buffer.from(application.clientSecretHash)) ? application : null;
}

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope?: string | undefined;
  state?: string | undefined;
}

/**
 * Checks what an application asks a person to authorize: a registered application, one of its
 * redirect URIs exactly, and scopes among its own. Refusals here are shown to the person, never
 * sent to the redirect URI (it is not trusted until checked).
 */
export async function checkAuthorizationRequest(em: EntityManager, request: AuthorizationRequest) {
  const application = await findApplication(em, { clientId: request.clientId });
  if (!application) throw new ServiceError('BAD_REQUEST', 'No application has this client_id', { field: 'client_id' });
  if (!application.redirectUris.includes(request.redirectUri)) {
    throw new ServiceError('BAD_REQUEST', 'The redirect URI is not one the application registered', {
      field: 'redirect_uri',
    });
  }
  const scopes = requestedScopes(application, request.scope);
  return {
    application,
    scopes,
    denyTo: redirectWith(request.redirectUri, { error: 'access_denied', state: request.state }),
  };
}

/** `uri` with `params` added to its query; null for the out-of-band URI, which goes nowhere. */
function redirectWith(uri: string, params: Record<string, string | undefined>): string | null {
  if (uri === outOfBand) return null;
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

export interface CodeRequest extends AuthorizationRequest {
  codeChallenge?: string | undefined;
  codeChallengeMethod?: string | undefined;
}

/**
 * A person authorizes the application: a code for it, and where to send the person with it (null
 * for the out-of-band URI: the page shows the code to copy). Only S256 challenges are taken: `plain`
 * would hand the verifier to whoever sees the request.
 */
export async function issueAuthorizationCode(
  em: EntityManager,
  userId: number,
  request: CodeRequest,
): Promise<{ code: string; redirectTo: string | null }> {
  const { application, scopes } = await checkAuthorizationRequest(em, request);
  const { codeChallenge, codeChallengeMethod } = request;
  if (codeChallengeMethod !== undefined && codeChallengeMethod !== 'S256') {
    throw invalid('Only the S256 code challenge method is supported', 'code_challenge_method');
  }
  if (codeChallenge !== undefined && !/^[\w-]{43}$/.test(codeChallenge)) {
    throw invalid('The code challenge must be a base64url SHA-256 (43 characters)', 'code_challenge');
  }
  if ((codeChallenge === undefined) !== (codeChallengeMethod === undefined)) {
    throw invalid('A code challenge needs its method (S256), and the method a challenge', 'code_challenge');
  }
  const code = newSecret();
  await insertAuthorizationCode(em, sha256(code), {
    applicationId: application.id,
    userId,
    redirectUri: request.redirectUri,
    scopes,
    codeChallenge: codeChallenge ?? null,
    expiresAt: new Date(Date.now() + codeLifetimeMs),
  });
  return { code, redirectTo: redirectWith(request.redirectUri, { code, state: request.state }) };
}

/** The code's grant, without using it up (`useAuthorizationCode` does). */
export const findCode = (em: EntityManager, code: string): Promise<AuthorizationCodeData | null> =>
  findAuthorizationCode(em, sha256(code));

/** Uses the code up: true for the one caller that did. */
export const useAuthorizationCode = (em: EntityManager, code: string): Promise<boolean> =>
  deleteAuthorizationCode(em, sha256(code));

/** An access token for `userId` (a session) or, without a user, for the application itself. */
export async function issueAccessToken(
  em: EntityManager,
  grant: { applicationId: number; userId: number | null; scopes: string[] },
): Promise<string> {
  const token = newSecret();
  const id = oauthSessionId(token);
  if (grant.userId === null) await insertAppToken(em, { id, applicationId: grant.applicationId, scopes: grant.scopes });
  else
    await insertOAuthSession(em, {
      id,
      userId: grant.userId,
      applicationId: grant.applicationId,
      scopes: grant.scopes,
    });
  return token;
}

/**
 * The scopes asked of an application (at authorization, or for its own token): among those it
 * registered; `read` when none are asked (Mastodon's default), or all of its own if it has no `read`.
 */
export function requestedScopes(application: OAuthApplicationData, requested: string | undefined): string[] {
  const scopes = parseScopes(requested, application.scopes.includes('read') ? ['read'] : application.scopes);
  checkScopes(scopes, application.scopes);
  return scopes;
}

/** Ends `token` if the application holds it; answers as if it did otherwise (RFC 7009). */
export async function revokeAccessToken(em: EntityManager, application: OAuthApplicationData, token: string) {
  return deleteOAuthToken(em, oauthSessionId(token), application.id);
}

/** The application and scopes of an application's own token (`client_credentials`), or null. */
export async function appTokenGrant(em: EntityManager, token: string) {
  return isOAuthToken(token) ? findAppToken(em, oauthSessionId(token)) : null;
}

/** The application an OAuth token acts for: an application's own token, or one a person granted it. */
export async function applicationOfToken(em: EntityManager, token: string): Promise<OAuthApplicationData | null> {
  if (!isOAuthToken(token)) return null;
  const id = oauthSessionId(token);
  return (await findAppToken(em, id))?.application ?? findSessionApplication(em, id);
}

/** Whether `granted` (an OAuth session's scopes; null for Miniter's own clients) allows `required`. */
export function allows(granted: string | null, required: RequiredScope | undefined): boolean {
  if (granted === null) return true;
  return required !== undefined && covers(granted.split(' '), required);
}

/** The refusal of a call its token's scopes do not allow (Mastodon's 403). */
export const outsideScopes = () => new ServiceError('FORBIDDEN', 'This action is outside the authorized scopes');

export const authorizedApplications = findAuthorizedApplications;

/** Ends every token the user gave application `applicationId`. */
export async function revokeApplication(em: EntityManager, userId: number, applicationId: number): Promise<void> {
  if (!(await deleteApplicationSessions(em, userId, applicationId))) {
    throw new ServiceError('NOT_FOUND', 'You have not authorized this application');
  }
}
