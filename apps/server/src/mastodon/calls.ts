/**
 * A Mastodon route is declared once (`route`): what the OpenAPI document says of it (method, path,
 * summary, tag, scope, parameters, answer, statuses) and how it is served (`handle`). `mastodonRouter`
 * registers the declarations; `rest/openapi.ts` describes the same ones. A route runs the same
 * procedures as /trpc through a server-side caller with the request's context (session, rate limits,
 * idempotency key); its answer is sent as its media type says, any refusal in Mastodon's shape
 * (`errors.ts`).
 */
import { appRouter, type Context, countRequest, createCallerFactory, type RequiredScope } from '@miniter/api';
import { getTRPCErrorFromUnknown, type TRPCError } from '@trpc/server';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Caller, RestCallsOptions } from '../rest/calls.ts';
import { type FieldNames, mastodonErrors, sendMastodonError } from './errors.ts';
import { bodyParsers, originOf, paramsOf } from './params.ts';

const createCaller = createCallerFactory(appRouter);

/** The document's groups of routes, with what each says of itself. */
export const tags = {
  oauth: 'OAuth 2: applications, authorization codes and tokens (the authorize page is the web app’s /oauth/authorize)',
  instance: 'The server: its limits and software, for clients at start-up',
  accounts: 'Accounts: sign-up through an application, profiles, your own',
  follows: 'Who follows whom, and relationships',
  search: 'Accounts by handle or name, and hashtags',
  statuses: 'Posting, reading and deleting statuses',
  timelines: 'Home, public, a hashtag’s and an account’s statuses, paged by `Link`',
  streaming: 'Timelines as they happen, as server-sent events (the WebSocket at /api/v1/streaming carries the same)',
  empty: 'What Mastodon’s apps ask for at start-up that Miniter has none of yet: always empty',
} as const;

export type Tag = keyof typeof tags;

/** What a route answers in, when not JSON. */
export type Media =
  | 'application/json'
  | 'application/jrd+json'
  | 'application/xrd+xml'
  | 'text/plain'
  | 'text/event-stream';

/** What a route returns when it has written its answer itself (a stream, an OAuth error). */
export const answered = Symbol('answered');

/** The parameters in an express path: `'/accounts/:id/follow'` → `'id'`. */
type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** A parameter as a route reads it: Rails' list `id[]` is `id` (`paramsOf`). */
type Named<K> = K extends `${infer Name}[]` ? Name : K;

/** What a route may read: its path's parameters and those it declares, as sent (the procedures check them). */
export type ParamsOf<Path extends string, P extends z.ZodObject | undefined> = {
  [K in PathParams<Path>]: string;
} & (P extends z.ZodObject ? { [K in keyof P['shape'] as Named<K & string>]?: unknown } : unknown);

/** What a route works with. */
export interface Call<Params = Record<string, unknown>> {
  caller: Caller;
  /** The caller's context, for the few routes that work below the procedures (the token endpoint). */
  context: Context;
  params: Params;
  /** Where this server is, as the client reached it: every URL in an entity is absolute. */
  origin: string;
  req: Request;
  res: Response;
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
}

export interface MastodonRoute<
  Path extends string = string,
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  A extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express syntax: `:id` is a path parameter. */
  path: Path;
  summary: string;
  description?: string;
  tag: Tag;
  /** What a token needs (Mastodon's "OAuth" line): 401 without one, 403 without this scope. None: public. */
  scope?: RequiredScope;
  /** The query string's (GET) or the body's parameters, as the document describes them. */
  params?: P;
  /** The body may carry a picture: its multipart files are kept, under the upload cap. */
  upload?: true;
  answer: A;
  /** JSON unless said. */
  media?: Media;
  /** Statuses beyond those the rest of the declaration implies (`mastodonStatuses` in rest/openapi.ts). */
  statuses?: readonly number[];
  /** Pages by a `Link` header. */
  paged?: true;
  /** Honours `Idempotency-Key`: a repeat answers the first result and writes nothing. */
  idempotencyKey?: true;
  /** The procedures' input names as this route's parameters, for refusals. */
  names?: FieldNames;
  handle(call: Call<ParamsOf<Path, P>>): Promise<z.infer<A> | typeof answered>;
}

/** A route's declaration, its handler checked against its own parameters and answer. */
export const route = <Path extends string, A extends z.ZodType, P extends z.ZodObject | undefined = undefined>(
  declared: MastodonRoute<Path, P, A>,
) => declared as unknown as MastodonRoute;

export interface MastodonRouterOptions {
  /** The context of a call, as /trpc builds it. */
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
  /** Admission control, as for /trpc: a request waits for it before its body is read. */
  admit: RequestHandler;
  maxBodySize: number;
  /** The cap of a body that may carry a picture (`upload`). */
  maxUploadBodySize: number;
}

/** Literal segments sort before parameters: `/accounts/lookup` is not taken for `/accounts/:id`. */
const matchingOrder = (path: string) => path.replace(/:\w+/g, '\uffff');

/** The routes, each with admission, its body's parsers, then its handler; refusals in Mastodon's shape. */
export function mastodonRouter(routes: readonly MastodonRoute[], options: MastodonRouterOptions): Router {
  const { admit, maxBodySize, maxUploadBodySize, logger } = options;
  const parsers = bodyParsers(maxBodySize);
  const uploadParsers = bodyParsers(maxUploadBodySize, { files: true });
  const router = Router();
  const ordered = [...routes].sort((a, b) => (matchingOrder(a.path) < matchingOrder(b.path) ? -1 : 1));
  for (const declared of ordered) {
    router[declared.method](
      declared.path,
      // An open stream would hold its admission slot for its whole life: streams have caps of their own.
      ...(declared.media === 'text/event-stream' ? [] : [admit]),
      ...(declared.method === 'get' ? [] : declared.upload ? uploadParsers : parsers),
      serve(declared, options),
    );
  }
  router.use(mastodonErrors(logger));
  return router;
}

/** What refuses the request itself, rather than the caller or the server. */
const requestRefusals: ReadonlySet<TRPCError['code']> = new Set<TRPCError['code']>([
  'BAD_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_CONTENT',
]);

/**
 * The refusal a route that needs `scope` answers for `cause`: the token's, if it has no session or
 * not the scope, as Mastodon checks the token before the request; else `cause`. (A route may refuse
 * what it reads before any procedure sees the token; only then is the token checked again.)
 */
async function tokenFirst(caller: Caller, scope: RequiredScope, cause: unknown): Promise<unknown> {
  if (!requestRefusals.has(getTRPCErrorFromUnknown(cause).code)) return cause;
  try {
    await caller.auth.granted({ scope });
    return cause;
  } catch (refusal) {
    return refusal;
  }
}

function serve(declared: MastodonRoute, { contextFor, logger }: MastodonRouterOptions): RequestHandler {
  return async (req, res) => {
    const context = contextFor(req, res, req.headers.authorization);
    let caller = createCaller(context);
    try {
      // One request is one call against the client's limit, however many procedures answer it.
      caller = createCaller(await countRequest(context));
      const call = { caller, context, params: paramsOf(req), origin: originOf(req), req, res, contextFor, logger };
      const answer = await declared.handle(call);
      if (answer === answered) return;
      mastodonRateLimitHeaders(res);
      const media = declared.media ?? 'application/json';
      // Written at once, with its length: express's `send` would also hash every answer for an
      // ETag, which Mastodon's clients do not use (their paging is by id).
      // Encoded once: its length and what is written.
      const body = Buffer.from(
        typeof answer === 'string' && media !== 'application/json' ? answer : JSON.stringify(answer),
      );
      res.setHeader('content-type', `${media}; charset=utf-8`);
      res.setHeader('content-length', body.length);
      res.end(body);
    } catch (cause) {
      const refusal = declared.scope ? await tokenFirst(caller, declared.scope, cause) : cause;
      mastodonRateLimitHeaders(res);
      sendMastodonError(req, res, refusal, logger, declared.names);
    }
  };
}

/**
 * The call's rate limit as Mastodon's clients read it, `X-RateLimit-Limit`, `-Remaining` and `-Reset`
 * (a time), from the standard `RateLimit` header the procedures set (`trpc.ts`).
 */
function mastodonRateLimitHeaders(res: Response): void {
  const rateLimit = res.getHeader('ratelimit');
  if (typeof rateLimit !== 'string') return;
  const fields = Object.fromEntries(rateLimit.split(',').map((field) => field.trim().split('=')));
  res.setHeader('X-RateLimit-Limit', fields.limit);
  res.setHeader('X-RateLimit-Remaining', fields.remaining);
  res.setHeader('X-RateLimit-Reset', new Date(Date.now() + Number(fields.reset) * 1000).toISOString());
}
