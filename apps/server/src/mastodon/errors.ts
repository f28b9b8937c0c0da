/**
 * Refusals in Mastodon's shape: `{ "error": "…" }` at Mastodon's statuses, and for a 422 the fields
 * that failed under `details`, as Mastodon's validation errors name them. The procedures decide what
 * is refused; this only says it the way Mastodon's clients read it.
 */
import { appRouter } from '@miniter/api';
import { getErrorShape, getTRPCErrorFromUnknown, type TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { busyMessage } from '../admission.ts';
import { requestIdOf } from '../request-log.ts';

/** Mastodon's Error entity; OAuth's refusals add `error_description` (RFC 6749). */
export const errorSchema = z
  .object({
    error: z.string().meta({ example: 'Record not found' }),
    error_description: z.string().optional().meta({ description: "OAuth's refusals only: what went wrong" }),
  })
  .meta({ id: 'Error' });

/** A validation failure (422): also, per parameter, what is wrong with it. */
export const validationErrorSchema = z
  .object({
    error: z.string().meta({ example: 'Validation failed: status: Tweet must be at most 300 characters' }),
    details: z
      .record(
        z.string(),
        z.array(
          z.object({
            error: z
              .string()
              .meta({ description: 'ERR_TOO_LONG, ERR_TOO_SHORT, ERR_TAKEN, ERR_RESERVED or ERR_INVALID' }),
            description: z.string(),
          }),
        ),
      )
      .optional()
      .meta({ description: 'Per parameter, as it was sent' }),
  })
  .meta({ id: 'ValidationError' });

type MastodonError = z.infer<typeof validationErrorSchema>;

/** A procedure's input names as the Mastodon route's parameters (`text` is a status's `status`). */
export type FieldNames = Readonly<Record<string, string>>;

/** Mastodon's status and wording for each tRPC code it has one for; others keep tRPC's status. */
const mastodonRefusals: Partial<Record<TRPCError['code'], { status: number; error?: string }>> = {
  // Input that fails the procedure's schema: Mastodon's validation failure.
  BAD_REQUEST: { status: 422 },
  CONFLICT: { status: 422 },
  UNAUTHORIZED: { status: 401, error: 'The access token is invalid' },
  FORBIDDEN: { status: 403, error: 'This action is not allowed' },
  NOT_FOUND: { status: 404, error: 'Record not found' },
  TOO_MANY_REQUESTS: { status: 429, error: 'Too many requests' },
  INTERNAL_SERVER_ERROR: { status: 500, error: 'Internal server error' },
};

/** Mastodon's error codes for an issue's code (`issues.ts`); anything else is ERR_INVALID. */
const mastodonCodes: Record<string, string> = {
  too_long: 'ERR_TOO_LONG',
  too_long_bytes: 'ERR_TOO_LONG',
  too_big: 'ERR_TOO_LONG',
  too_short: 'ERR_TOO_SHORT',
  too_small: 'ERR_TOO_SHORT',
  username_taken: 'ERR_TAKEN',
  email_taken: 'ERR_TAKEN',
  reserved_username: 'ERR_RESERVED',
};

interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Mastodon's `details`: for each failed field, its error codes and descriptions. */
function detailsOf(issues: Issue[], names: FieldNames) {
  const details: Record<string, { error: string; description: string }[]> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (field === undefined) continue;
    const name = names[String(field)] ?? String(field);
    details[name] = [
      ...(details[name] ?? []),
      { error: mastodonCodes[issue.code] ?? 'ERR_INVALID', description: issue.message },
    ];
  }
  return details;
}

export function sendMastodonError(
  req: Request,
  res: Response,
  cause: unknown,
  logger: Logger,
  names: FieldNames = {},
): void {
  const error = getTRPCErrorFromUnknown(cause);
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    logger.error({ reqId: requestIdOf(req), err: error.cause ?? error, path: req.path }, 'procedure failed');
  }
  const config = appRouter._def._config;
  const shape = getErrorShape({ config, error, type: 'unknown', path: req.path, input: undefined, ctx: undefined });
  const refusal = mastodonRefusals[error.code];
  const status = refusal?.status ?? getHTTPStatusCodeFromError(error);
  const details = status === 422 ? detailsOf((shape.data.issues ?? []) as Issue[], names) : {};
  // Field names in the message as the client sent them.
  const message = Object.entries(names).reduce(
    (text, [field, name]) => text.replace(new RegExp(`^${field}:`), `${name}:`),
    shape.message,
  );
  const body: MastodonError = {
    error: refusal?.error ?? (status === 422 ? `Validation failed: ${message}` : message),
    ...(Object.keys(details).length ? { details } : {}),
  };
  res.status(status).json(body);
}

/** Admission control's refusal when the queue is full (`admission.ts`), in Mastodon's shape. */
export function sendBusy(res: Response): void {
  const body: MastodonError = { error: busyMessage };
  res.status(503).json(body);
}

/** The final 404 for a path under Mastodon's prefixes that no route takes. */
export function sendNoRoute(req: Request, res: Response): void {
  const body: MastodonError = { error: `No route for ${req.method} ${req.baseUrl}${req.path}` };
  res.status(404).json(body);
}

/**
 * Express's error handler for these routes: a body that cannot be read (not JSON, too large) is
 * refused at its status with Mastodon's body.
 */
export function mastodonErrors(logger: Logger) {
  return (cause: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(cause);
    const { status, expose, message } = cause as { status?: unknown; expose?: unknown; message?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res
        .status(status)
        .json({ error: expose && typeof message === 'string' ? message : 'The request could not be read' });
      return;
    }
    sendMastodonError(req, res, cause, logger);
  };
}
