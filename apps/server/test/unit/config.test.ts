import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const secret = 'x'.repeat(32);

describe('configuration', () => {
  it('has working defaults for the embedded set-up', () => {
    const config = loadConfig({ JWT_SECRET: secret });
    expect(config).toMatchObject({
      env: 'development',
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      auth: { jwtSecret: secret, jwtExpiresIn: 86_400, bcryptCost: 12 },
      corsOrigins: [],
      maxBatchSize: 20,
    });
  });

  it('reads durations, lists and numbers', () => {
    const config = loadConfig({
      JWT_SECRET: secret,
      JWT_EXPIRES_IN: '15m',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      PORT: '8080',
      DATABASE_URL: 'mysql://miniter:pw@db:3306/miniter',
    });
    expect(config.auth.jwtExpiresIn).toBe(900);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.port).toBe(8080);
    expect(loadConfig({ JWT_SECRET: secret, JWT_EXPIRES_IN: '3600' }).auth.jwtExpiresIn).toBe(3600);
    expect(loadConfig({ JWT_SECRET: secret, JWT_EXPIRES_IN: '7d' }).auth.jwtExpiresIn).toBe(604_800);
  });

  it('reads rate limits, or none at all with RATE_LIMIT_ENABLED=false', () => {
    expect(loadConfig({ JWT_SECRET: secret }).rateLimits).toEqual({
      loginPerIp: { limit: 25, windowMs: 300_000 },
      loginPerEmail: { limit: 25, windowMs: 3_600_000 },
      signUpPerIp: { limit: 5, windowMs: 1_800_000 },
      callsPerClient: { limit: 300, windowMs: 300_000 },
    });
    expect(loadConfig({ JWT_SECRET: secret, RATE_LIMIT_CALLS: '1000/1m' }).rateLimits?.callsPerClient).toEqual({
      limit: 1000,
      windowMs: 60_000,
    });
    expect(loadConfig({ JWT_SECRET: secret, RATE_LIMIT_ENABLED: 'false' }).rateLimits).toBeNull();
    expect(() => loadConfig({ JWT_SECRET: secret, RATE_LIMIT_CALLS: 'lots' })).toThrow(
      /RATE_LIMIT_CALLS: must be a count/,
    );
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ JWT_SECRET: secret, TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });

  it('names every invalid variable at once', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x', JWT_EXPIRES_IN: 'soon', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*JWT_EXPIRES_IN[\s\S]*LOG_LEVEL/);
  });

  it('refuses production without a long secret, and a weak bcrypt cost outside tests', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).env).toBe('production');
    expect(() => loadConfig({ JWT_SECRET: secret, BCRYPT_COST: '8' })).toThrow(/BCRYPT_COST: must be at least 10/);
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: secret, BCRYPT_COST: '4' }).auth.bcryptCost).toBe(4);
    expect(() => loadConfig({ JWT_SECRET: secret, LIVE_RETENTION: '30m' })).toThrow(
      /LIVE_RETENTION: must be at least 1h/,
    );
    expect(loadConfig({ JWT_SECRET: secret, LIVE_RETENTION: '2h' }).live.retentionMs).toBe(7_200_000);
  });

  it('reads the settings of running behind a load balancer: drain delay, metrics port, instance name', () => {
    const defaults = loadConfig({ JWT_SECRET: secret });
    expect(defaults).toMatchObject({
      drainDelayMs: 0,
      metricsPort: undefined,
      instance: `${hostname()}:${process.pid}`,
    });
    const set = loadConfig({ JWT_SECRET: secret, DRAIN_DELAY: '6s', METRICS_PORT: '9464', INSTANCE_NAME: 'web-1' });
    expect(set).toMatchObject({ drainDelayMs: 6000, metricsPort: 9464, instance: 'web-1' });
    expect(loadConfig({ JWT_SECRET: secret, DRAIN_DELAY: '0', METRICS_PORT: '0' })).toMatchObject({
      drainDelayMs: 0,
      metricsPort: 0,
    });
    expect(() => loadConfig({ JWT_SECRET: secret, DRAIN_DELAY: '10m' })).toThrow(/DRAIN_DELAY: must be at most 5m/);
    expect(() => loadConfig({ JWT_SECRET: secret, DRAIN_DELAY: 'soon' })).toThrow(/DRAIN_DELAY: must be seconds/);
    expect(() => loadConfig({ JWT_SECRET: secret, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ JWT_SECRET: secret, INSTANCE_NAME: 'two words' })).toThrow(/INSTANCE_NAME/);
  });

  it('reads read replicas, which need a MySQL primary', () => {
    expect(loadConfig({ JWT_SECRET: secret }).databaseReplicas).toBeUndefined();
    const primary = 'mariadb://app@db-1/miniter';
    const replicas = 'mariadb://app@db-2/miniter, mariadb://app@db-3/miniter';
    expect(
      loadConfig({ JWT_SECRET: secret, DATABASE_URL: primary, DATABASE_REPLICA_URLS: replicas }).databaseReplicas,
    ).toEqual({ urls: ['mariadb://app@db-2/miniter', 'mariadb://app@db-3/miniter'], maxLagMs: 2000 });
    expect(
      loadConfig({
        JWT_SECRET: secret,
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: replicas,
        DATABASE_REPLICA_MAX_LAG: '5s',
      }).databaseReplicas?.maxLagMs,
    ).toBe(5000);
    expect(() => loadConfig({ JWT_SECRET: secret, DATABASE_REPLICA_URLS: replicas })).toThrow(
      /DATABASE_REPLICA_URLS: needs a MySQL or MariaDB DATABASE_URL/,
    );
    expect(() =>
      loadConfig({ JWT_SECRET: secret, DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'sqlite:replica.db' }),
    ).toThrow(/DATABASE_REPLICA_URLS: must be mysql/);
  });

  it('sizes the heap `pnpm start` gives for the default number of live streams', async () => {
    const start = await readFile(new URL('../../bin/start.sh', import.meta.url), 'utf8');
    const sized = /\$\{LIVE_MAX_STREAMS:-(\d+)\}/.exec(start);
    expect(Number(sized?.[1])).toBe(loadConfig({ JWT_SECRET: secret }).live.maxStreams);
  });
});
