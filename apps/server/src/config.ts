/**
 * Configuration from the environment, validated once at start-up. Nothing else reads `process.env`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultLiveLimits } from '@miniter/api';
import { defaultSqlitePath, parseDatabaseUrl } from '@miniter/db';
import { z } from 'zod';
import { defaultAdmission } from './admission.ts';

/** `.data/` at the repository root, beside the embedded database. */
const dataDirectory = dirname(defaultSqlitePath);

/**
 * Server processes: by default one per core but one, within a cap that keeps database connections
 * sane. The core left over is the database's and the other services' on the same machine: on the
 * 2-core machine of bench/results, one process wrote more and read about as much as two (in the
 * book's side-by-side, `tweet.create` 2,660 against 1,780 a second), as a second competes with the
 * database for the cores; and each process costs 130 MiB or more at peak.
 */
const maxWorkers = 16;
const defaultWorkers = Math.max(1, Math.min(availableParallelism() - 1, 8));

const durationUnits = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `3600`, `90s`, `15m`, `24h`, `7d` → seconds; `0` allowed. */
const durationOrNone = z
  .string()
  .regex(/^\d+[smhd]?$/, 'must be seconds or a number with s, m, h or d, like 15m or 7d')
  .transform((v) => {
    const unit = (/[smhd]$/.test(v) ? v.at(-1) : 's') as keyof typeof durationUnits;
    return Number.parseInt(v, 10) * durationUnits[unit];
  });

const duration = durationOrNone.refine((seconds) => seconds > 0, 'must be longer than zero');

/** `25/5m`: at most 25 per 5 minutes. */
const rateLimit = z
  .string()
  .regex(/^\d+\/\d+[smhd]?$/, 'must be a count and a window, like 25/5m')
  .transform((v) => {
    const [count = '', window = ''] = v.split('/');
    return { limit: Number.parseInt(count, 10), windowMs: duration.parse(window) * 1000 };
  })
  .refine((rule) => rule.limit > 0, 'must allow at least one call');

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .optional()
      .refine((url) => {
        try {
          parseDatabaseUrl(url);
          return true;
        } catch {
          return false;
        }
      }, 'must start with mysql://, mariadb:// or sqlite:'),
    DATABASE_REPLICA_URLS: list
      .refine((urls) => urls.every((url) => /^(mysql|mariadb):\/\//.test(url)), 'must be mysql:// or mariadb:// URLs')
      .default([]),
    DATABASE_REPLICA_MAX_LAG: duration.default(2),
    JWT_SECRET: z.string().optional(),
    JWT_EXPIRES_IN: duration.default(86_400),
    BCRYPT_COST: z.coerce.number().int().min(4).max(16).default(12),
    CORS_ORIGINS: list.default([]),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(20),
    MAX_BODY_SIZE: z.coerce.number().int().min(1024).default(1_048_576),
    MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(1).max(10_000).default(defaultAdmission.concurrency),
    MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(defaultAdmission.queue),
    PUBLIC_URL: z.url().optional(),
    MEDIA_DRIVER: z.enum(['local', 's3']).default('local'),
    MEDIA_DIR: z.string().min(1).optional(),
    MAX_UPLOAD_SIZE: z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    MAX_IMAGE_PIXELS: z.coerce.number().int().min(160_000).default(50_000_000),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT: z.url().optional(),
    S3_FORCE_PATH_STYLE: z.stringbool().default(false),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_PUBLIC_URL: z.url().optional(),
    JWT_CLOCK_TOLERANCE: duration.default(5),
    RATE_LIMIT_ENABLED: z.stringbool().default(true),
    RATE_LIMIT_LOGIN_PER_IP: rateLimit.default({ limit: 25, windowMs: 5 * 60_000 }),
    RATE_LIMIT_LOGIN_PER_EMAIL: rateLimit.default({ limit: 25, windowMs: 60 * 60_000 }),
    RATE_LIMIT_SIGNUP_PER_IP: rateLimit.default({ limit: 5, windowMs: 30 * 60_000 }),
    RATE_LIMIT_CALLS: rateLimit.default({ limit: 300, windowMs: 5 * 60_000 }),
    REDIS_URL: z.url().optional(),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v): boolean | number | string =>
        v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
      ),
    WORKERS: z.coerce.number().int().min(1).max(maxWorkers).default(defaultWorkers),
    LIVE_MAX_STREAMS: z.coerce.number().int().min(1).max(1_000_000).default(defaultLiveLimits.maxStreams),
    LIVE_MAX_STREAMS_PER_USER: z.coerce.number().int().min(5).max(1000).default(defaultLiveLimits.maxStreamsPerUser),
    LIVE_RETENTION: duration
      .refine((seconds) => seconds >= 3600, 'must be at least 1h: streams resume across the last hour at least')
      .default(defaultLiveLimits.retentionMs / 1000),
    REQUEST_TIMEOUT: duration.default(30),
    HEADERS_TIMEOUT: duration.default(10),
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    // Zero keeps a Ctrl-C quick; behind a load balancer, at least its health check's interval × fall count.
    DRAIN_DELAY: durationOrNone
      .refine((seconds) => seconds <= 300, 'must be at most 5m: the deadlines of a shutdown start after it')
      .default(0),
    INSTANCE_NAME: z
      .string()
      .regex(/^\S{1,100}$/, 'must be 1 to 100 characters without spaces')
      .optional(),
  })
  // `when`: these run even if another variable is invalid, so one start-up names every problem.
  .refine((env) => !(env.BCRYPT_COST < 10 && env.NODE_ENV !== 'test'), {
    path: ['BCRYPT_COST'],
    message: 'must be at least 10 (lower is allowed only with NODE_ENV=test)',
    when: () => true,
  })
  .refine((env) => env.NODE_ENV !== 'production' || (env.JWT_SECRET ?? '').length >= 32, {
    path: ['JWT_SECRET'],
    message: 'must be set to at least 32 characters in production',
    when: () => true,
  })
  .refine((env) => !env.DATABASE_REPLICA_URLS.length || /^(mysql|mariadb):/.test(env.DATABASE_URL ?? ''), {
    path: ['DATABASE_REPLICA_URLS'],
    message: 'needs a MySQL or MariaDB DATABASE_URL (the primary)',
    when: () => true,
  })
  .refine((env) => env.MEDIA_DRIVER !== 's3' || Boolean(env.S3_BUCKET), {
    path: ['S3_BUCKET'],
    message: 'must be set when MEDIA_DRIVER=s3',
    when: () => true,
  })
  .refine((env) => !env.S3_ACCESS_KEY_ID === !env.S3_SECRET_ACCESS_KEY, {
    path: ['S3_SECRET_ACCESS_KEY'],
    message: 'must be set together with S3_ACCESS_KEY_ID (or neither, for the AWS credential chain)',
    when: () => true,
  });

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: z.output<typeof schema>) {
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    workers: env.WORKERS,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseReplicas: env.DATABASE_REPLICA_URLS.length
      ? { urls: env.DATABASE_REPLICA_URLS, maxLagMs: env.DATABASE_REPLICA_MAX_LAG * 1000 }
      : undefined,
    auth: {
      jwtSecret: env.JWT_SECRET || developmentSecret(),
      jwtExpiresIn: env.JWT_EXPIRES_IN,
      bcryptCost: env.BCRYPT_COST,
      // The cores shared by the workers: each runs its share of bcrypt at once, the rest in order.
      bcryptConcurrency: Math.max(1, Math.floor(availableParallelism() / env.WORKERS)),
      clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE,
    },
    rateLimits: env.RATE_LIMIT_ENABLED
      ? {
          loginPerIp: env.RATE_LIMIT_LOGIN_PER_IP,
          loginPerEmail: env.RATE_LIMIT_LOGIN_PER_EMAIL,
          signUpPerIp: env.RATE_LIMIT_SIGNUP_PER_IP,
          callsPerClient: env.RATE_LIMIT_CALLS,
        }
      : null,
    redisUrl: env.REDIS_URL,
    trustProxy: env.TRUST_PROXY,
    timeouts: { requestMs: env.REQUEST_TIMEOUT * 1000, headersMs: env.HEADERS_TIMEOUT * 1000 },
    /** How long SIGTERM keeps serving with /readyz at 503 before it stops accepting. */
    drainDelayMs: env.DRAIN_DELAY * 1000,
    /** Unset: no metrics endpoint. */
    metricsPort: env.METRICS_PORT,
    /** In every log line and metric; cluster workers get their primary's (cluster.ts). */
    instance: env.INSTANCE_NAME ?? `${hostname()}:${process.pid}`,
    corsOrigins: env.CORS_ORIGINS,
    logLevel: env.LOG_LEVEL,
    maxBatchSize: env.MAX_BATCH_SIZE,
    maxBodySize: env.MAX_BODY_SIZE,
    admission: { concurrency: env.MAX_CONCURRENT_REQUESTS, queue: env.MAX_QUEUED_REQUESTS },
    live: {
      maxStreams: env.LIVE_MAX_STREAMS,
      maxStreamsPerUser: env.LIVE_MAX_STREAMS_PER_USER,
      retentionMs: env.LIVE_RETENTION * 1000,
    },
    publicUrl: env.PUBLIC_URL,
    uploads: { maxBytes: env.MAX_UPLOAD_SIZE, maxPixels: env.MAX_IMAGE_PIXELS },
    storage:
      env.MEDIA_DRIVER === 's3'
        ? {
            driver: 's3' as const,
            bucket: env.S3_BUCKET ?? '',
            region: env.S3_REGION,
            endpoint: env.S3_ENDPOINT,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            credentials:
              env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                : undefined,
            publicUrl: env.S3_PUBLIC_URL,
          }
        : { driver: 'local' as const, directory: env.MEDIA_DIR ?? join(dataDirectory, 'media') },
  };
}

/**
 * Outside production a missing JWT_SECRET gets a random one, kept beside the embedded database
 * so that tokens survive a restart. Production refuses to start without one (above).
 */
function developmentSecret(): string {
  const file = join(dataDirectory, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
