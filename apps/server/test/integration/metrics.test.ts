/**
 * GET /metrics on its own listener (METRICS_PORT): every call counted by procedure or route pattern
 * and status, the gauges of the admission queue, live streams and database pool, rate-limit
 * refusals by rule, event-loop lag, and the `instance` label on every series.
 */
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { testAuth } from '../helpers.ts';

const env = { JWT_SECRET: testAuth.jwtSecret, BCRYPT_COST: '4' };

/** The value of the sample named `name` with exactly these labels (`instance` aside), if any. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([\w:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const { instance: _, ...rest } = found;
    if (JSON.stringify(Object.entries(rest).sort()) === JSON.stringify(Object.entries(labels).sort())) {
      return Number(match[3]);
    }
  }
  return undefined;
}

describe('metrics are off unless METRICS_PORT is set', () => {
  it('serves no /metrics anywhere by default', async () => {
    const db = await createTestDatabase('sqlite');
    const server = await startServer(
      loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: db.databaseUrl, ...env }),
    );
    try {
      expect(server.metricsUrl).toBeUndefined();
      expect(await (await fetch(`${server.url}/metrics`)).text()).not.toContain('# TYPE');
    } finally {
      await server.close();
      await db.close();
    }
  });
});

describe.each(testDialects())('GET /metrics on %s', (dialect) => {
  let db: TestDatabase;
  let server: RunningServer;
  let metricsUrl: string;
  const scrape = async () => {
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        METRICS_PORT: '0',
        INSTANCE_NAME: 'test-instance',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.databaseUrl,
        RATE_LIMIT_SIGNUP_PER_IP: '1/1h',
        ...env,
      }),
    );
    metricsUrl = server.metricsUrl ?? '';
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('is served on its own port only', async () => {
    expect(new URL(metricsUrl).port).not.toBe(new URL(server.url).port);
    // (A browser's navigation there gets the web client's page, if built: not metrics either.)
    expect(await (await fetch(`${server.url}/metrics`)).text()).not.toContain('# TYPE');
    expect((await fetch(new URL('/other', metricsUrl))).status).toBe(404);
  });

  it('counts calls by procedure and status, each call of a batch on its own', async () => {
    const before = await scrape();
    const ping = { method: 'GET', route: '/trpc/health.ping', status: '200' };
    const me = { method: 'GET', route: '/trpc/user.me', status: '401' };
    const count = (text: string, labels: Record<string, string>) =>
      sample(text, 'miniter_http_request_duration_seconds_count', labels) ?? 0;

    expect((await fetch(`${server.url}/trpc/health.ping`)).status).toBe(200);
    const batch = await fetch(`${server.url}/trpc/health.ping,user.me,health.ping?batch=1&input={}`);
    expect(batch.status).toBe(207);
    expect((await fetch(`${server.url}/trpc/no.such.thing`)).status).toBe(404);

    const after = await scrape();
    expect(count(after, ping) - count(before, ping)).toBe(3);
    expect(count(after, me) - count(before, me)).toBe(1);
    expect(count(after, { method: 'GET', route: '/trpc/unknown', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('no.such.thing');
    expect(sample(after, 'miniter_http_request_duration_seconds_bucket', { ...ping, le: '+Inf' })).toBe(
      count(after, ping),
    );
  });

  it('labels REST calls by their route pattern, and any unknown path as one value', async () => {
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    const before = sample(await scrape(), 'miniter_http_request_duration_seconds_count', unmatched) ?? 0;
    await fetch(`${server.url}/api/v1/accounts/12345`);
    await fetch(`${server.url}/api/v1/accounts/67890`);
    await fetch(`${server.url}/ping`);
    // Not a browser's navigation: the web client's page (if built) is not served for these.
    const notHtml = { headers: { accept: 'application/json' } };
    await fetch(`${server.url}/nothing/here/1`, notHtml);
    await fetch(`${server.url}/api/v1/nothing/2`, notHtml);
    const text = await scrape();
    const count = (labels: Record<string, string>) =>
      sample(text, 'miniter_http_request_duration_seconds_count', labels);
    expect(count({ method: 'GET', route: '/api/v1/accounts/:id', status: '404' })).toBe(2);
    expect(count({ method: 'GET', route: '/ping', status: '200' })).toBe(1);
    expect((count(unmatched) ?? 0) - before).toBe(2);
    expect(text).not.toMatch(/12345|67890|nothing/);
  });

  it('counts rate-limit refusals by rule', async () => {
    const signUp = (email: string) =>
      fetch(`${server.url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'n', email, password: 'password123' }),
      });
    expect((await signUp('a@example.com')).status).toBe(200);
    expect((await signUp('b@example.com')).status).toBe(429);
    expect(sample(await scrape(), 'miniter_rate_limit_refusals_total', { rule: 'signUpPerIp' })).toBe(1);
  });

  it('counts open live streams', async () => {
    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', password: 'password123' }),
    });
    const { accessToken } = ((await login.json()) as { result: { data: { accessToken: string } } }).result.data;
    const stream = new AbortController();
    const res = await fetch(`${server.url}/trpc/timeline.live`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'text/event-stream' },
      signal: stream.signal,
    });
    expect(res.status).toBe(200);
    await expect.poll(async () => sample(await scrape(), 'miniter_live_streams')).toBe(1);
    stream.abort();
    await expect.poll(async () => sample(await scrape(), 'miniter_live_streams')).toBe(0);
  });

  it('reports the gauges, the process metrics and the instance label', async () => {
    const text = await scrape();
    expect(sample(text, 'miniter_admission_queued_requests')).toBe(0);
    expect(sample(text, 'miniter_admission_active_requests')).toBe(0);
    expect(sample(text, 'miniter_live_streams')).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line).toContain('instance="test-instance"');
    }
    if (dialect === 'sqlite') {
      expect(text).not.toContain('miniter_db_pool');
    } else {
      const inUse = sample(text, 'miniter_db_pool_connections', { state: 'in_use' });
      const idle = sample(text, 'miniter_db_pool_connections', { state: 'idle' });
      expect(inUse).toBeGreaterThanOrEqual(0);
      expect((inUse ?? 0) + (idle ?? 0)).toBeGreaterThan(0);
      expect(sample(text, 'miniter_db_pool_waiting_requests')).toBe(0);
    }
  });
});
