/**
 * Request ids, and one log line per request written with pino. pino-http did this, but it serializes
 * every request (headers and all) into a child logger up front, whether a line is written or not:
 * about 8% of the server's CPU per `timeline.home` call in bench. Here a line costs only when written.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** The id of a request: the client's `x-request-id` when it is sane, so that its logs and ours meet. */
function newRequestId(req: Request): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * The URL as logged: a live stream's connection parameters carry a stream ticket, and Mastodon's
 * streaming API takes a token as `access_token`: neither is for logs.
 */
const loggedUrl = (url: string) => url.replace(/([?&](?:connectionParams|access_token)=)[^&]*/g, '$1[redacted]');

/** The request's id, as logged and sent back in `x-request-id`. */
export const requestIdOf = (req: Request): string => req.res?.locals.requestId;

const handling = new AsyncLocalStorage<string>();

/** The id of the request being handled where this runs, if any (the logger adds it to every line). */
export const currentRequestId = (): string | undefined => handling.getStore();

export function requestLog(logger: Logger, options: { quiet: (path: string) => boolean }): RequestHandler {
  return (req, res, next) => {
    const requestId = newRequestId(req);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    if (!options.quiet(req.path)) {
      const started = performance.now();
      res.once('close', () => {
        const level = res.statusCode >= 500 ? 'error' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        logger[level](
          {
            reqId: requestId,
            req: { method: req.method, url: loggedUrl(req.originalUrl), remoteAddress: req.ip },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(performance.now() - started),
          },
          res.writableFinished ? 'request completed' : 'request aborted',
        );
      });
    }
    handling.run(requestId, next);
  };
}
