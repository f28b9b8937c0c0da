/**
 * Abuse limits, counted per procedure call (so each call of a batch counts) in a pluggable store:
 * express-rate-limit's in-memory store by default, or a shared one (rate-limit-redis) when several
 * server instances run.
 */
import type { Options, Store } from 'express-rate-limit';

export type RateLimitName = 'loginPerIp' | 'loginPerEmail' | 'signUpPerIp' | 'callsPerClient';

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Mastodon's published limits. */
export const defaultRateLimits: Record<RateLimitName, RateLimitRule> = {
  loginPerIp: { limit: 25, windowMs: 5 * 60_000 },
  loginPerEmail: { limit: 25, windowMs: 60 * 60_000 },
  signUpPerIp: { limit: 5, windowMs: 30 * 60_000 },
  callsPerClient: { limit: 300, windowMs: 5 * 60_000 },
};

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  windowSeconds: number;
}

export interface RateLimiter {
  consume(name: RateLimitName, key: string): Promise<RateLimitResult>;
}

export interface RateLimiterOptions {
  rules?: Partial<Record<RateLimitName, RateLimitRule>>;
  /** A fresh store for one rule; its name keeps the rules' keys apart in a shared store. */
  createStore: (name: RateLimitName) => Store;
  /** A store that fails (Redis down) lets calls through rather than refusing everyone. */
  onStoreError?: (error: unknown) => void;
}

export async function createRateLimiter(options: RateLimiterOptions): Promise<RateLimiter> {
  const rules = { ...defaultRateLimits, ...options.rules };
  const stores = new Map<RateLimitName, Store>();
  for (const name of Object.keys(rules) as RateLimitName[]) {
    const store = options.createStore(name);
    await store.init?.({ windowMs: rules[name].windowMs } as Options);
    stores.set(name, store);
  }
  // Counts for one key are taken one at a time: the memory store hands back its live counter, so
  // concurrent calls (a batch) would otherwise all read the final total.
  const pending = new Map<string, Promise<unknown>>();
  const increment = (name: RateLimitName, key: string) => {
    const id = `${name}:${key}`;
    const run = (pending.get(id) ?? Promise.resolve())
      .catch(() => {})
      .then(async () => {
        const { totalHits, resetTime } = await (stores.get(name) as Store).increment(key);
        return { totalHits, resetTime };
      });
    pending.set(id, run);
    void run.finally(() => pending.get(id) === run && pending.delete(id)).catch(() => {});
    return run;
  };

  return {
    async consume(name, key) {
      const { limit, windowMs } = rules[name];
      const windowSeconds = Math.ceil(windowMs / 1000);
      try {
        const { totalHits, resetTime } = await increment(name, key);
        const resetSeconds = resetTime
          ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
          : windowSeconds;
        return {
          allowed: totalHits <= limit,
          limit,
          remaining: Math.max(0, limit - totalHits),
          resetSeconds,
          windowSeconds,
        };
      } catch (error) {
        options.onStoreError?.(error);
        return { allowed: true, limit, remaining: limit, resetSeconds: windowSeconds, windowSeconds };
      }
    },
  };
}
