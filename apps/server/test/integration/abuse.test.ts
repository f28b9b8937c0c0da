import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, type TestDatabase, useTestDatabase } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { slowPost, testAuth, useHttpServer } from '../helpers.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe('login timing', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { auth: { ...testAuth, bcryptCost: 10 } });
  const login = async (email: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'not the password' }),
    });
    expect(res.status).toBe(401);
    return performance.now() - started;
  };

  it('costs the same bcrypt work for an unknown email as for a known one', async () => {
    await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'known', email: 'known@example.com', password: 'password123' }),
    });
    await login('warm-up@example.com');
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so machine noise falls on both alike; medians, so one hiccup does not decide.
    for (let i = 0; i < 9; i++) {
      known.push(await login('known@example.com'));
      unknown.push(await login(`nobody-${i}@example.com`));
    }
    // Without the dummy comparison the unknown email answers some 50× faster than this allows.
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('slow and oversized requests', () => {
  let db: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.databaseUrl,
        JWT_SECRET: testAuth.jwtSecret,
        HEADERS_TIMEOUT: '1',
        REQUEST_TIMEOUT: '2',
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  /** Writes `chunks` on a raw connection, then reports what the server answered and when it hung up. */
  function rawExchange(chunks: string[]) {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    const started = performance.now();
    let reply = '';
    socket.on('data', (data) => {
      reply += data;
    });
    for (const chunk of chunks) socket.write(chunk);
    return new Promise<{ reply: string; closedAfterMs: number }>((resolve) =>
      socket.on('close', () => resolve({ reply, closedAfterMs: performance.now() - started })),
    );
  }

  it('drops a client that never finishes its headers', async () => {
    const { reply, closedAfterMs } = await rawExchange(['GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ']);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(4000);
  });

  it('drops a client that never finishes its body', async () => {
    const { reply, closedAfterMs } = await rawExchange([
      'POST /trpc/auth.login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"em',
    ]);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(5000);
  });

  it('refuses oversized headers and bodies', async () => {
    const headers = await fetch(`${server.url}/healthz`, { headers: { 'x-big': 'x'.repeat(20_000) } });
    expect(headers.status).toBe(431);
    const body = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
    });
    expect(body.status).toBe(413);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('more requests than the server works on at once', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { admission: { concurrency: 1, queue: 1 } });

  it('works on one, queues the next, turns away the one after with 503, then serves the queued one', async () => {
    // Holds the only slot: its body is still on the way.
    const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' });
    const holder = await slowPost(server.url, '/trpc/auth.login', body);
    const queued = fetch(`${server.url}/trpc/health.ping`);
    await delay(200);

    const refused = await fetch(`${server.url}/trpc/health.ping`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 } } });
    // The typed client reads it like any tRPC error, in a batch too.
    const api = createMiniterClient({ url: `${server.url}/trpc` });
    const calls = await Promise.allSettled([api.health.ping.query(), api.user.byId.query({ userId: 1 })]);
    for (const call of calls) {
      expect(call).toMatchObject({
        status: 'rejected',
        reason: { message: 'The server is busy: try again shortly', data: { code: 'SERVICE_UNAVAILABLE' } },
      });
    }
    // Health checks are not queued behind API calls.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    expect(await holder.finish()).toMatch(/^HTTP\/1\.1 401/);
    expect((await queued).status).toBe(200);
  });
});
