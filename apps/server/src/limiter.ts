import cluster from 'node:cluster';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import { createRateLimiter, type RateLimiter } from '@miniter/api';
import { MemoryStore } from 'express-rate-limit';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import type { Config } from './config.ts';
import type { Metrics } from './metrics.ts';

export interface Limiter {
  limiter: RateLimiter | null;
  close(): Promise<void>;
}

/**
 * The configured rate limiter: none when RATE_LIMIT_ENABLED=false, counted in Redis when REDIS_URL
 * is set (limits then hold across server instances), else in memory: this process's, or in a
 * cluster worker the primary's (cluster.ts), so that a limit holds across the workers. Refusals are
 * counted by rule in `metrics`, if given.
 */
export async function createLimiter(
  config: Pick<Config, 'rateLimits' | 'redisUrl'>,
  logger: Logger,
  metrics: Metrics | null = null,
): Promise<Limiter> {
  if (!config.rateLimits) return { limiter: null, close: async () => {} };
  // No offline queue: with Redis down a call fails at once (and is let through) instead of waiting.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true })
    : undefined;
  await redis?.connect();
  const limiter = await createRateLimiter({
    rules: config.rateLimits,
    createStore: (name) =>
      redis
        ? new RedisStore({
            prefix: `miniter:rate-limit:${name}:`,
            sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
          })
        : cluster.isWorker
          ? new ClusterMemoryStoreWorker({ prefix: name })
          : new MemoryStore(),
    onStoreError: (error) => logger.warn({ err: error }, 'rate limit store failed: letting the call through'),
  });
  return {
    limiter: metrics
      ? {
          async consume(name, key) {
            const result = await limiter.consume(name, key);
            if (!result.allowed) metrics.rateLimitRefusals.inc({ rule: name });
            return result;
          },
        }
      : limiter,
    close: async () => {
      await redis?.quit();
    },
  };
}
