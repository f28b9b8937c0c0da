import { type Level, pino } from 'pino';

/** JSON logs; credentials never reach them. */
export function createLogger(level: Level | 'silent') {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
