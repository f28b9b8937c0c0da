import { hostname } from 'node:os';
import { type Level, pino } from 'pino';
import { currentRequestId } from './request-log.ts';

/**
 * JSON logs on stdout; credentials never reach them. Written asynchronously: under load, the lines
 * logged while a write is under way go out together in the next one, rather than a write(2) per
 * request line; pino writes what is left when the process exits.
 *
 * Every line names its `instance` (beside pino's pid and hostname), and a line logged while a
 * request is handled carries its `reqId`, whoever logs it (a rate-limit store that fails, say).
 */
export function createLogger(level: Level | 'silent', instance?: string) {
  return pino(
    {
      level,
      base: { pid: process.pid, hostname: hostname(), ...(instance ? { instance } : {}) },
      // A fresh object each time: pino merges the line's own fields into it.
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
