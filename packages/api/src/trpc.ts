/**
 * The tRPC setup in one place: context, error formatting, rate limits, and the kinds of procedure.
 */

import { type EntityManager, isDatabaseUnavailable, type Orm, readFromReplicas, sqlEm } from '@miniter/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { fieldError, serviceIssues, zodIssues } from './issues.ts';
import type { LiveHub } from './live/hub.ts';
import { type SessionCache, settleSessionChange } from './live/sessions.ts';
import type { MediaStorage } from './media/storage.ts';
import type { RateLimiter, RateLimitName } from './rate-limits.ts';
import type { RequiredScope } from './scopes.ts';
import { type AuthConfig, authenticate, authenticateTicket, verifyToken } from './services/auth.ts';
import type { UploadLimits } from './services/avatars.ts';
import { ServiceError } from './services/errors.ts';
import { once } from './services/idempotency.ts';
import { allows, outsideScopes } from './services/oauth.ts';
import { type ProfileLoader, profileLoader } from './services/users.ts';

/** What the procedures need from the composition root. */
export interface ApiDependencies {
  orm: Orm;
  auth: AuthConfig;
  media: MediaStorage;
  uploads: UploadLimits;
  /** Null: no rate limits (benchmarks, trusted load tests). */
  limiter?: RateLimiter | null;
  /** The live timeline; without it, `timeline.live` is unavailable. */
  live?: LiveHub | null;
  /** Session checks this process remembers; without it, every signed-in call checks in the database. */
  sessions?: SessionCache | null;
}

/** The request-specific part, from the HTTP adapter (or a test). */
export interface RequestInfo {
  /** The raw `Authorization` header, if any. */
  authorization?: string | undefined;
  /** A stream ticket from `auth.streamTicket` (tRPC's `connectionParams`): opens a subscription only. */
  streamTicket?: string | undefined;
  /** The client's address (behind a proxy: as `trust proxy` resolves it). */
  clientIp?: string | undefined;
  /** Names this request in the logs and in an internal error's response. */
  requestId?: string | undefined;
  /** The `Idempotency-Key` header: a repeat of a keyed write returns the first result (`once`). */
  idempotencyKey?: string | undefined;
  setHeader?: ((name: string, value: string) => void) | undefined;
}

export interface ContextOptions extends ApiDependencies, RequestInfo {}

export interface Context extends ApiDependencies, Omit<RequestInfo, 'authorization'> {
  token: string | null;
  profiles: ProfileLoader;
  /**
   * The request was counted against the per-client limit already (`countRequest`): a REST request
   * is one call to its client however many procedures answer it.
   */
  requestCounted?: true;
}

/**
 * Builds a context without HTTP, so tests can call procedures through `createCaller`. It holds what
 * the procedures use and nothing else, named one by one: callers pass wider objects (the server's
 * whole configuration), and tRPC copies the context, key by key, at every step of a call's chain.
 */
export function createContextInner(options: ContextOptions): Context {
  const { orm, auth, media, uploads, limiter, live, sessions } = options;
  const { streamTicket, clientIp, requestId, idempotencyKey, setHeader, authorization } = options;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;
  const profiles = profileLoader(orm);
  return {
    orm,
    auth,
    media,
    uploads,
    limiter,
    live,
    sessions,
    streamTicket,
    clientIp,
    requestId,
    idempotencyKey,
    setHeader,
    token,
    profiles,
  };
}

/** What a procedure declares of itself, for the entry points built from the procedures. */
export interface Meta {
  /**
   * A mutation that is safe to send again after its answer was lost: `'key'` when it honours an
   * `Idempotency-Key` (`idempotent`), `'repeat'` when doing it twice changes nothing. The REST
   * document and the typed client's retries follow it.
   */
  retrySafe?: 'key' | 'repeat';
  /**
   * Ends sessions or changes what a session's check gives (the account): it answers only once no
   * process may still trust a check from before it (`live/sessions.ts`).
   */
  changesSession?: true;
  /**
   * What an OAuth token (a Mastodon app's) needs to call this signed-in procedure (`scopes.ts`);
   * without it, only Miniter's own clients may. `'input'`: the scope its input names, which the
   * procedure checks itself (`auth.granted`).
   */
  scope?: RequiredScope | 'input';
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    sse: {
      // Keeps idle streams alive through proxies; the client reconnects (and resumes) when pings stop
      // or a stream reaches its maximum duration.
      ping: { enabled: true, intervalMs: 15_000 },
      maxDurationMs: 30 * 60_000,
      client: { reconnectAfterInactivityMs: 40_000 },
    },
    errorFormatter({ shape, error, ctx }) {
      const zodError = error.cause instanceof z.ZodError ? error.cause : null;
      const refusal = error.cause instanceof ServiceError ? error.cause : null;
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      // Stacks stay in the server's logs, in every environment.
      const { stack: _stack, ...data } = shape.data;
      // An unexpected error's message may carry SQL or paths: the client gets a generic one, and
      // the request id that finds the real error in the logs.
      const message = internal ? 'Internal server error' : zodError ? describeIssues(zodError) : shape.message;
      return {
        ...shape,
        message,
        data: {
          ...data,
          zodError: zodError ? z.flattenError(zodError) : refusal ? fieldError(refusal) : null,
          issues: zodError
            ? zodIssues(zodError)
            : refusal
              ? serviceIssues(refusal)
              : [{ path: [], code: error.code.toLowerCase(), message, params: {} }],
          requestId: ctx?.requestId ?? null,
        },
      };
    },
  });

/** One readable line: "email: Email must be a valid address; password: …". */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A service refusal as the matching tRPC error (and HTTP status); an unreachable database as a quick 503. */
function asTRPCError(cause: unknown): TRPCError | null {
  if (cause instanceof ServiceError) return new TRPCError({ code: cause.kind, message: cause.message, cause });
  if (isDatabaseUnavailable(cause)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is unavailable: try again shortly',
      cause,
    });
  }
  return null;
}

/**
 * Runs one call with its own EntityManager fork (its own identity map: tRPC runs the calls of one
 * batched request concurrently with one shared context, so a per-request fork would be shared), and
 * turns what it throws, here or further down, into the matching tRPC error, in one place.
 */
async function inCall<R extends { ok: boolean; error?: TRPCError }>(
  ctx: Context,
  run: (em: EntityManager) => Promise<R>,
): Promise<R> {
  let result: R;
  try {
    result = await run(sqlEm(ctx.orm).fork());
  } catch (cause) {
    throw asTRPCError(cause) ?? cause;
  }
  const mapped = result.ok ? null : asTRPCError(result.error?.cause);
  if (mapped) throw mapped;
  return result;
}

/**
 * A subscription's events as `toOutput` makes them, with what it throws along the way mapped as a
 * call's errors are. (One generator for both: each open stream holds every generator it goes through.)
 */
export async function* mappedEvents<T, U>(events: AsyncIterable<T>, toOutput: (event: T) => U): AsyncGenerator<U> {
  try {
    for await (const event of events) yield toOutput(event);
  } catch (cause) {
    throw asTRPCError(cause) ?? cause;
  }
}

/**
 * A signed-in write that honours the caller's `Idempotency-Key` (`once`): a repeat answers the first
 * result, with `Idempotent-Replayed: true`.
 */
export async function idempotent<T>(
  ctx: Context & { em: EntityManager; user: { id: number } },
  request: { path: string; input: unknown },
  write: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const key = { userId: ctx.user.id, key: ctx.idempotencyKey, operation: request.path, input: request.input };
  const { result, replayed } = await once(ctx.em, key, write);
  if (replayed) ctx.setHeader?.('Idempotent-Replayed', 'true');
  return result;
}

/** Counts this call against `name` for `keyOf()`, asked only when limits are on; refuses past the limit. */
async function countCall(ctx: Context, name: RateLimitName, keyOf: () => string): Promise<void> {
  if (!ctx.limiter || (name === 'callsPerClient' && ctx.requestCounted)) return;
  const result = await ctx.limiter.consume(name, keyOf());
  ctx.setHeader?.('RateLimit-Policy', `${result.limit};w=${result.windowSeconds}`);
  ctx.setHeader?.('RateLimit', `limit=${result.limit}, remaining=${result.remaining}, reset=${result.resetSeconds}`);
  if (!result.allowed) {
    ctx.setHeader?.('Retry-After', String(result.resetSeconds));
    throw new ServiceError('TOO_MANY_REQUESTS', `Too many requests: try again in ${result.resetSeconds} seconds`, {
      params: { seconds: result.resetSeconds },
    });
  }
}

/** Counts this call against `name` for the key the call yields (a step after `credentialsProcedure`). */
export function rateLimit<I>(name: RateLimitName, keyOf: (ctx: Context, input: I) => string) {
  return t.middleware(async ({ ctx, input, next }) => {
    await countCall(ctx, name, () => keyOf(ctx, input as I));
    return next();
  });
}

export const byClientIp = (ctx: Context) => ctx.clientIp ?? 'unknown';

/** Signed-in callers are counted per user (the token's signature is enough here), others per IP. */
const byCaller = (ctx: Context) => {
  const claims = ctx.token ? verifyToken(ctx.auth, ctx.token) : null;
  return claims ? `user:${claims.userId}` : `ip:${byClientIp(ctx)}`;
};

/**
 * Counts a whole request against the per-client limit, as one call, and answers the context its
 * procedures then run with (which do not count again); refuses past the limit.
 */
export async function countRequest(ctx: Context): Promise<Context> {
  try {
    await countCall(ctx, 'callsPerClient', () => byCaller(ctx));
  } catch (cause) {
    throw asTRPCError(cause) ?? cause;
  }
  return { ...ctx, requestCounted: true };
}

/** A procedure with no limit of its own yet: sign-up and login add theirs, checked before bcrypt. */
export const credentialsProcedure = t.procedure.use(({ ctx, next }) => inCall(ctx, (em) => next({ ctx: { em } })));

// The kinds of procedure most calls use each run one middleware: tRPC copies the call's options and
// context at every step of its chain, which cost more than the rest of a light call.

/** Public reads may be a moment stale: they may go to a read replica. */
export const publicProcedure = t.procedure.use(({ ctx, type, next }) =>
  inCall(ctx, async (em) => {
    await countCall(ctx, 'callsPerClient', () => byCaller(ctx));
    if (type === 'query') readFromReplicas(em);
    return next({ ctx: { em } });
  }),
);

/**
 * Requires `Authorization: Bearer <jwt>` naming a live session of a user that still exists;
 * narrows `ctx.user` and gives the session's id. The session is checked on the primary; then a
 * query reads a replica, unless its caller wrote in the last seconds and must see that write.
 */
export const protectedProcedure = t.procedure.use(({ ctx, type, meta, next }) =>
  inCall(ctx, async (em) => {
    await countCall(ctx, 'callsPerClient', () => byCaller(ctx));
    // A stream ticket, which travels in a URL, opens a stream and does nothing else.
    const { user, sessionId, wroteRecently, scopes } =
      !ctx.token && ctx.streamTicket && type === 'subscription'
        ? await authenticateTicket(em, ctx.streamTicket)
        : await authenticate(em, ctx.auth, ctx.token, ctx.sessions);
    if (meta?.scope !== 'input' && !allows(scopes, meta?.scope)) throw outsideScopes();
    if (type === 'query' && !wroteRecently) readFromReplicas(em);
    if (!meta?.changesSession) return next({ ctx: { em, user, sessionId, scopes } });
    // Even when it failed, as part of it may have committed.
    try {
      return await next({ ctx: { em, user, sessionId, scopes } });
    } finally {
      await settleSessions(ctx);
    }
  }),
);

/**
 * Who a public read is for, for what only they see of it (whether they liked a tweet): the signed-in
 * caller, or no one. A token that is no good leaves the read anonymous, as the read is public (as
 * Mastodon's public reads are).
 */
export async function readerIdOf(ctx: Context, em: EntityManager): Promise<number | undefined> {
  if (!ctx.token) return undefined;
  try {
    return (await authenticate(em, ctx.auth, ctx.token, ctx.sessions)).user.id;
  } catch (cause) {
    if (cause instanceof ServiceError && cause.kind === 'UNAUTHORIZED') return undefined;
    throw cause;
  }
}

/**
 * Answers once no process may still trust a session check from before now (`live/sessions.ts`): after
 * whatever ended sessions or changed an account. On an EntityManager of its own, which no failed
 * change of the call's is left in.
 */
export async function settleSessions(ctx: Context): Promise<void> {
  const settling = sqlEm(ctx.orm).fork();
  await (ctx.sessions ? ctx.sessions.changed(settling) : settleSessionChange(settling));
}
