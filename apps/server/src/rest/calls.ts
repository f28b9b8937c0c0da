/**
 * What every REST route shares: it runs the same tRPC procedure as /trpc, through a server-side
 * caller with the same context (session check, rate limits, limits, error mapping), and answers a
 * refusal as plain HTTP: the status tRPC gives that error code, and one JSON error body,
 *
 *   { "error": { "code": "BAD_REQUEST", "message": "tweet: Tweet must …", "requestId": "…",
 *                "fieldErrors": { "tweet": ["…"] } } }
 *
 * built from the same error shape (`errorFormatter`) that /trpc sends, so messages are one definition.
 */
import { appRouter, type Context, createCallerFactory } from '@miniter/api';
import { getErrorShape, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdOf } from '../request-log.ts';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/**
 * A path or query value that is a whole number becomes that number (they arrive as text); anything
 * else is handed on as it is, for the procedure's schema to refuse by name.
 */
export const numeric = (value: unknown) =>
  typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;

/** A REST route's work: call procedures with `caller`, then answer on `res`. */
export type RestRoute = (caller: Caller, req: Request, res: Response) => Promise<void>;

export interface RestCallsOptions {
  /** The context of a call, as /trpc builds it; `authorization` as the route read it. */
  contextFor: (req: Request, res: Response, authorization: string | undefined) => Context;
  logger: Logger;
  /** How the route reads the token (the book's clients send it raw); default: the header as is. */
  authorization?: (req: Request) => string | undefined;
}

export function restCalls({
  contextFor,
  logger,
  authorization = (req) => req.headers.authorization,
}: RestCallsOptions) {
  return (route: RestRoute): RequestHandler =>
    async (req, res) => {
      try {
        await route(createCaller(contextFor(req, res, authorization(req))), req, res);
      } catch (cause) {
        sendError(req, res, cause, logger);
      }
    };
}

/** The JSON error body of any error, with the status tRPC maps its code to. */
export function sendError(req: Request, res: Response, cause: unknown, logger: Logger): void {
  const error = getTRPCErrorFromUnknown(cause);
  const requestId = requestIdOf(req);
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    logger.error({ reqId: requestId, err: error.cause ?? error, path: req.path }, 'procedure failed');
  }
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: 'unknown', path: req.path, input: undefined, ctx: undefined });
  const { fieldErrors } = shape.data.zodError ?? {};
  res.status(getHTTPStatusCodeFromError(error)).json({
    error: {
      code: shape.data.code,
      message: shape.message,
      requestId,
      ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}),
    },
  });
}

/** tRPC's codes for the 4xx statuses express and body-parser refuse a request with. */
const codeOfStatus = { 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' } as const;

/**
 * Express's error handler for REST routes: what express and body-parser refuse (a path that does not
 * decode, a body too large, not JSON or in an unknown charset) is a typed 4xx with the same body.
 */
export function restErrors(logger: Logger) {
  return (cause: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(cause);
    const { status, expose, message } = cause as { status?: unknown; expose?: unknown; message?: unknown };
    const refused =
      typeof status === 'number' && status >= 400 && status < 500
        ? new TRPCError({
            code: codeOfStatus[status as keyof typeof codeOfStatus] ?? 'BAD_REQUEST',
            // http-errors marks the messages that are meant for the client.
            message: expose && typeof message === 'string' ? message : 'The request could not be read',
            cause,
          })
        : cause;
    sendError(req, res, refused, logger);
  };
}
