/**
 * How a Mastodon route runs: the same procedures as /trpc through a server-side caller with the
 * request's context (session, rate limits, idempotency key), its answer sent as JSON, any refusal in
 * Mastodon's shape (`errors.ts`).
 */
import { appRouter, createCallerFactory } from '@miniter/api';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Caller, RestCallsOptions } from '../rest/calls.ts';
import { type FieldNames, sendMastodonError } from './errors.ts';
import { bodyParsers, originOf, type Params, paramsOf } from './params.ts';

const createCaller = createCallerFactory(appRouter);

/** What a route works with: the caller, the request's parameters, the origin for absolute URLs. */
export interface Call {
  caller: Caller;
  params: Params;
  origin: string;
  req: Request;
  res: Response;
}

/** A route's work: its answer, as JSON. */
export type MastodonRoute = (call: Call) => Promise<unknown>;

export interface MastodonCallsOptions {
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
  /** Admission control, as for /trpc: a request waits for it before its body is read. */
  admit: RequestHandler;
  maxBodySize: number;
  /** The cap of a body that may carry a picture (`body: 'upload'`); by default the one above. */
  maxUploadBodySize?: number;
}

export interface RouteOptions {
  /** The procedures' input names as this route's parameters, for refusals. */
  names?: FieldNames;
  /**
   * Whether the route reads a body (JSON or a form); `upload`: one that may carry a picture, its
   * multipart files kept and every kind of body under the upload cap.
   */
  body?: boolean | 'upload';
}

/** A route's handlers: admission, the body if it takes one, then the route. */
export function mastodonCalls({
  contextFor,
  logger,
  admit,
  maxBodySize,
  maxUploadBodySize = maxBodySize,
}: MastodonCallsOptions) {
  const parsers = bodyParsers(maxBodySize);
  const uploadParsers = bodyParsers(maxUploadBodySize, { files: true });
  return (route: MastodonRoute, { names, body = false }: RouteOptions = {}): RequestHandler[] => [
    admit,
    ...(body === 'upload' ? uploadParsers : body ? parsers : []),
    async (req, res) => {
      try {
        const caller = createCaller(contextFor(req, res, req.headers.authorization));
        const answer = await route({ caller, params: paramsOf(req), origin: originOf(req), req, res });
        mastodonRateLimitHeaders(res);
        res.json(answer);
      } catch (cause) {
        mastodonRateLimitHeaders(res);
        sendMastodonError(req, res, cause, logger, names);
      }
    },
  ];
}

export type Calls = ReturnType<typeof mastodonCalls>;

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
