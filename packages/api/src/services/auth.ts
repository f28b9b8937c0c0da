import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { type FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  type AccountData,
  type EntityManager,
  findLiveSessionUser,
  findTakenUsernames,
  handleBase,
  handleCandidates,
  type LiveSession,
  randomHandle,
  redeemStreamTicket,
  Session,
  StreamTicket,
  touchOAuthSession,
  User,
  usernameKey,
  writeSearchTerms,
} from '@miniter/db';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import pLimit, { type LimitFunction } from 'p-limit';
import type { SessionCache } from '../live/sessions.ts';
import { ServiceError } from './errors.ts';
import { isOAuthToken, oauthSessionId } from './oauth.ts';

export interface AuthConfig {
  jwtSecret: string;
  /** Token lifetime in seconds. */
  jwtExpiresIn: number;
  bcryptCost: number;
  /** Clock difference tolerated when checking a token's times, in seconds (default 5). */
  clockToleranceSeconds?: number;
  /** bcrypt hashes and comparisons run at once by this process, the rest queued in order (default: its cores). */
  bcryptConcurrency?: number;
}

/**
 * bcrypt's work in arrival order, as many at a time as the process's share of the cores: more at
 * once would only share the cores, finishing every login later and in no order (a login's p99 was
 * 4.2 s against 3.7 s in order, at the same throughput, in the book's side-by-side).
 */
const bcryptQueues = new Map<number, LimitFunction>();
function inBcryptQueue<T>(config: AuthConfig, work: () => Promise<T>): Promise<T> {
  const concurrency = config.bcryptConcurrency ?? availableParallelism();
  let queue = bcryptQueues.get(concurrency);
  if (!queue) {
    queue = pLimit(concurrency);
    bcryptQueues.set(concurrency, queue);
  }
  return queue(work);
}

const hashPassword = (config: AuthConfig, password: string) =>
  inBcryptQueue(config, () => bcrypt.hash(password, config.bcryptCost));

interface Verifier {
  /** jsonwebtoken turns a string secret into a key on every call: made once per secret. */
  key: KeyObject;
  /**
   * Claims of tokens already verified, until they expire: checking a signature and parsing its
   * claims cost more than the rest of a signed-in call's session check. Whether the session still
   * stands is checked in the database on every call all the same.
   */
  verified: LRUCache<string, { claims: TokenClaims; expiresAt: number }>;
}
const verifiers = new Map<string, Verifier>();
function verifierFor(secret: string): Verifier {
  let verifier = verifiers.get(secret);
  if (!verifier) {
    verifier = { key: createSecretKey(Buffer.from(secret)), verified: new LRUCache({ max: 10_000 }) };
    verifiers.set(secret, verifier);
  }
  return verifier;
}

/** Who issues Miniter's tokens and whom they are for: a token minted for anything else is refused. */
const issuer = 'miniter';
const audience = 'miniter-api';

export interface SignUpInput {
  name: string;
  /** Without one, a handle is derived from the e-mail (`handleBase`). */
  username?: string | undefined;
  email: string;
  password: string;
  profile?: string | undefined;
}

/**
 * Creates the account with its handle and the terms its name is found by, in one transaction. A
 * taken e-mail or chosen handle is a CONFLICT naming the field; a derived handle that someone took
 * meanwhile is derived again.
 */
export async function signUp(em: EntityManager, config: AuthConfig, input: SignUpInput): Promise<User> {
  if (await em.count(User, { email: input.email })) throw emailTaken();
  const hashedPassword = await hashPassword(config, input.password);
  for (let attempt = 1; ; attempt++) {
    const username = input.username ?? (await freeHandle(em, handleBase(input.email), attempt));
    try {
      return await em.transactional(async (tx) => {
        const user = tx.create(User, {
          name: input.name,
          username,
          email: input.email,
          hashedPassword,
          profile: input.profile ?? '',
        });
        await tx.flush();
        await writeSearchTerms(tx, user.id, user.name, false);
        return user;
      });
    } catch (error) {
      // Two sign-ups raced past the checks: the unique indexes decide, and say which was taken.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      if (await em.count(User, { email: input.email })) throw emailTaken();
      if (input.username || attempt === 3) throw usernameTaken();
    }
  }
}

/**
 * The first of `base`'s candidates nobody has (`handleCandidates`), or one with a random suffix;
 * after a lost race (`attempt` > 1), a random one at once.
 */
async function freeHandle(em: EntityManager, base: string, attempt: number): Promise<string> {
  if (attempt === 1) {
    const candidates = handleCandidates(base);
    const taken = await findTakenUsernames(em, candidates);
    const free = candidates.find((candidate) => !taken.has(usernameKey(candidate)));
    if (free) return free;
  }
  return randomHandle(base);
}

function emailTaken() {
  return new ServiceError('CONFLICT', 'An account with this email already exists', {
    field: 'email',
    reason: 'email_taken',
  });
}

export function usernameTaken() {
  return new ServiceError('CONFLICT', 'This username is taken', { field: 'username', reason: 'username_taken' });
}

// Compared against when the email is unknown, at the configured cost, so that a login for an
// unknown email costs the same bcrypt work as one for a known email (no enumeration by timing).
const unknownUserHashes = new Map<number, Promise<string>>();
function unknownUserHash(config: AuthConfig): Promise<string> {
  let hash = unknownUserHashes.get(config.bcryptCost);
  if (!hash) {
    hash = hashPassword(config, randomBytes(16).toString('hex'));
    unknownUserHashes.set(config.bcryptCost, hash);
  }
  return hash;
}

/** Whether `password` is the user's; bcrypt's full cost is paid even when there is no user. */
async function passwordMatches(config: AuthConfig, user: User | null, password: string): Promise<boolean> {
  const hash = user?.hashedPassword ?? (await unknownUserHash(config));
  const matches = await inBcryptQueue(config, () => bcrypt.compare(password, hash));
  return Boolean(user) && matches;
}

export interface SessionToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export async function login(
  em: EntityManager,
  config: AuthConfig,
  input: { email: string; password: string },
): Promise<SessionToken> {
  const user = await em.findOne(User, { email: input.email }, { populate: ['hashedPassword'] });
  const matches = await passwordMatches(config, user, input.password);
  if (!user || !matches) {
    throw new ServiceError('UNAUTHORIZED', 'Email or password is incorrect', { reason: 'bad_credentials' });
  }
  return openSession(em, config, user);
}

/** A new session for `user`, and the token that names it. Expired sessions of the user go. */
export async function openSession(em: EntityManager, config: AuthConfig, user: User): Promise<SessionToken> {
  const now = Date.now();
  await endSessions(em, { user: user.id, expiresAt: { $lte: new Date(now) } });
  const session = em.create(Session, {
    id: randomBytes(16).toString('hex'),
    user,
    expiresAt: new Date(now + config.jwtExpiresIn * 1000),
  });
  await em.flush();
  const accessToken = jwt.sign({}, verifierFor(config.jwtSecret).key, {
    algorithm: 'HS256',
    subject: String(user.id),
    jwtid: session.id,
    issuer,
    audience,
    expiresIn: config.jwtExpiresIn,
  });
  return { accessToken, tokenType: 'Bearer', expiresIn: config.jwtExpiresIn, user };
}

export interface TokenClaims {
  userId: number;
  sessionId: string;
}

/** What a token says, or null for any token that is not valid now. Checks no database. */
export function verifyToken(config: AuthConfig, token: string): TokenClaims | null {
  const { key, verified } = verifierFor(config.jwtSecret);
  const toleranceMs = (config.clockToleranceSeconds ?? 5) * 1000;
  const known = verified.get(token);
  // Once expired, it goes through jwt.verify again, which refuses it.
  if (known && known.expiresAt + toleranceMs > Date.now()) return known.claims;
  try {
    // The algorithm is pinned: `alg: none` and algorithm-confusion tokens fail here.
    const payload = jwt.verify(token, key, {
      algorithms: ['HS256'],
      issuer,
      audience,
      clockTolerance: toleranceMs / 1000,
    });
    if (
      typeof payload !== 'object' ||
      typeof payload.exp !== 'number' ||
      typeof payload.jti !== 'string' ||
      !/^\d{1,10}$/.test(payload.sub ?? '')
    ) {
      return null;
    }
    const claims = { userId: Number(payload.sub), sessionId: payload.jti };
    verified.set(token, { claims, expiresAt: payload.exp * 1000 });
    return claims;
  } catch {
    return null;
  }
}

export interface Authenticated extends LiveSession {
  sessionId: string;
}

/**
 * The user and session behind a bearer token (checked on the primary, whatever replicas there are),
 * or as this process remembers its check (`remembered`): UNAUTHORIZED when the token is bad or
 * expired, or its session was ended (logout, password change, account deletion).
 */
export async function authenticate(
  em: EntityManager,
  config: AuthConfig,
  token: string | null,
  remembered?: SessionCache | null,
): Promise<Authenticated> {
  if (token && isOAuthToken(token)) return authenticateOAuthSession(em, oauthSessionId(token), remembered);
  const claims = token ? verifyToken(config, token) : null;
  let session = claims && (remembered?.get(claims.sessionId, claims.userId) ?? null);
  if (claims && !session) {
    session = await findLiveSessionUser(em, claims.sessionId, claims.userId);
    if (session) remembered?.remember(claims.sessionId, claims.userId, session);
  }
  if (!claims || !session) throw new ServiceError('UNAUTHORIZED', 'A valid access token is required');
  return { ...session, sessionId: claims.sessionId };
}

/** An OAuth token's session (`oauth.ts`), noting its use when checked in the database. */
async function authenticateOAuthSession(
  em: EntityManager,
  sessionId: string,
  remembered?: SessionCache | null,
): Promise<Authenticated> {
  let session = remembered?.get(sessionId, null) ?? null;
  if (!session) {
    session = await findLiveSessionUser(em, sessionId, null);
    if (!session) throw new ServiceError('UNAUTHORIZED', 'A valid access token is required');
    remembered?.remember(sessionId, session.user.id, session);
    await touchOAuthSession(em, sessionId);
  }
  return { ...session, sessionId };
}

/** How long a stream ticket can wait to be used. */
export const streamTicketSeconds = 60;

const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

/**
 * A single-use ticket that opens one live stream for the caller's session, within a minute: for a
 * browser's `EventSource`, which cannot send the bearer token. It goes in the stream's URL (tRPC's
 * `connectionParams`), so it is worth nothing once used or a minute old, and ends with the session.
 */
export async function issueStreamTicket(
  em: EntityManager,
  sessionId: string,
): Promise<{ ticket: string; expiresIn: number }> {
  const ticket = randomBytes(24).toString('base64url');
  await em.nativeDelete(StreamTicket, { session: sessionId, expiresAt: { $lte: new Date() } });
  await em.insert(StreamTicket, {
    id: ticketHash(ticket),
    session: sessionId,
    expiresAt: new Date(Date.now() + streamTicketSeconds * 1000),
  });
  return { ticket, expiresIn: streamTicketSeconds };
}

/** The user and session a stream ticket opens a stream for, using it up: UNAUTHORIZED otherwise. */
export async function authenticateTicket(em: EntityManager, ticket: string): Promise<Authenticated> {
  const redeemed = await redeemStreamTicket(em, ticketHash(ticket));
  const session = redeemed ? await findLiveSessionUser(em, redeemed.sessionId, redeemed.userId) : null;
  if (!redeemed || !session) throw new ServiceError('UNAUTHORIZED', 'The stream ticket is unknown, used or expired');
  return { ...session, sessionId: redeemed.sessionId };
}

/**
 * Deletes sessions and their stream tickets, the tickets explicitly: the schema must work without
 * foreign keys (and their cascades), as a sharded MySQL has none across shards.
 */
export async function endSessions(em: EntityManager, where: FilterQuery<Session>): Promise<void> {
  await em.nativeDelete(StreamTicket, { session: where });
  await em.nativeDelete(Session, where);
}

export async function logout(em: EntityManager, sessionId: string): Promise<void> {
  await endSessions(em, { id: sessionId });
}

/** Ends every session of the user: all their tokens stop working at once. */
export async function logoutEverywhere(em: EntityManager, user: Pick<AccountData, 'id'>): Promise<void> {
  await endSessions(em, { user: user.id });
}

/** Refuses unless `password` is the signed-in user's current one. */
export async function confirmPassword(
  em: EntityManager,
  config: AuthConfig,
  user: User,
  password: string,
  field: 'password' | 'currentPassword',
) {
  await em.populate(user, ['hashedPassword']);
  if (!(await passwordMatches(config, user, password))) {
    throw new ServiceError('FORBIDDEN', 'The current password is incorrect', { field, reason: 'wrong_password' });
  }
}

/** Changes the password, ends every session, and opens a fresh one for the caller. */
export async function changePassword(
  em: EntityManager,
  config: AuthConfig,
  user: AccountData,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionToken> {
  const account = em.merge(User, user);
  await confirmPassword(em, config, account, input.currentPassword, 'currentPassword');
  account.hashedPassword = await hashPassword(config, input.newPassword);
  await em.flush();
  await logoutEverywhere(em, account);
  return openSession(em, config, account);
}
