import { type Level, pino } from 'pino';

/**
 * JSON logs on stdout; credentials never reach them. Written asynchronously: under load, the lines
 * logged while a write is under way go out together in the next one, rather than a write(2) per
 * request line; pino writes what is left when the process exits.
 */
export function createLogger(level: Level | 'silent') {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
