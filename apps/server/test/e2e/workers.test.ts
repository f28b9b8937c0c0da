/**
 * Several server processes (`WORKERS=2`) on one port, started with `pnpm start` as a user starts
 * it: writes from every worker land (SQLite included: no SQLITE_BUSY), a rate limit counts across
 * the workers, a worker that dies is replaced, and SIGTERM stops them all within 10 s.
 * Which process answered is read from the request log lines (pino writes each one's pid).
 */
import { once } from 'node:events';
import { request } from 'node:http';
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuth } from '../helpers.ts';
import { type ServerProcess, startServerProcess } from './start.ts';

const signUpLimit = 10;

interface LogLine {
  pid: number;
  msg: string;
  url?: string;
  workers?: number;
  req?: { url: string };
  res?: { statusCode: number };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each(testDialects())('two workers on %s', (dialect) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url = '';
  /** The server's log so far, a line each (not the last, which may still be arriving). */
  const lines = () =>
    server
      .output()
      .split('\n')
      .slice(0, -1)
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  /** The pids that answered requests to `path` since log line `from`. */
  const answeredBy = (path: string, from = 0) =>
    new Set(
      lines()
        .slice(from)
        .filter((l) => l.req?.url.startsWith(`/trpc/${path}`))
        .map((l) => l.pid),
    );
  const primaryPid = () => lines().find((l) => l.workers)?.pid ?? 0;
  /** The workers running now: those that answered since the last one was replaced. */
  let workers: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    server = startServerProcess({
      NODE_ENV: 'production',
      PORT: '0',
      WORKERS: '2',
      DATABASE_URL: db.databaseUrl,
      JWT_SECRET: testAuth.jwtSecret,
      BCRYPT_COST: '10',
      LOG_LEVEL: 'info',
      RATE_LIMIT_SIGNUP_PER_IP: `${signUpLimit}/30m`,
    });
    // The primary names the address once every worker listens.
    url = await server.listening;
  }, 90_000);

  afterAll(async () => {
    const { child } = server;
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    await db.close();
  });

  /** One call on a connection of its own, so that the primary hands each to the next worker. */
  function call(path: string, body?: unknown, token?: string) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<{ status: number; body: { result?: { data: Record<string, string> } } }>((resolve, reject) => {
      const req = request(`${url}/trpc/${path}`, {
        method: payload ? 'POST' : 'GET',
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      req.on('response', async (res) => {
        let text = '';
        for await (const chunk of res) text += chunk;
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
      req.setTimeout(5000, () => req.destroy(new Error(`${path}: no answer within 5 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  it('counts a rate limit across the workers, not once per worker', async () => {
    const statuses = [];
    for (let n = 0; n < signUpLimit + 4; n++) {
      statuses.push(
        (await call('auth.signUp', { name: `user ${n}`, email: `user${n}@example.com`, password: 'password123' }))
          .status,
      );
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(signUpLimit);
    expect(statuses.slice(signUpLimit)).toEqual([429, 429, 429, 429]);
    expect(answeredBy('auth.signUp').size).toBe(2);
  });

  it('takes concurrent writes on every worker and stores each once', { timeout: 30_000 }, async () => {
    const tokens = await Promise.all(
      [0, 1, 2, 3].map(
        async (n) =>
          (await call('auth.login', { email: `user${n}@example.com`, password: 'password123' })).body.result?.data
            .accessToken,
      ),
    );
    const from = lines().length;
    const written = await Promise.all(
      Array.from({ length: 48 }, async (_, n) => {
        const token = tokens[n % tokens.length];
        const tweet = await call('tweet.create', { text: `tweet ${n} from a worker 🧵` }, token);
        await call(n % 2 ? 'follow.unfollow' : 'follow.follow', { userId: 5 + (n % 4) }, token);
        return tweet;
      }),
    );
    expect(written.map((w) => w.status)).toEqual(Array(48).fill(200));
    expect(answeredBy('tweet.create', from).size).toBe(2);
    const [row] = await db.orm.em.fork().getConnection().execute('select count(*) as n from tweets');
    expect(Number(row?.n)).toBe(48);
  });

  it('replaces a worker that dies, and keeps answering', { timeout: 30_000 }, async () => {
    const [victim] = answeredBy('tweet.create');
    process.kill(victim as number, 'SIGKILL');
    // Connections the primary handed to the worker as it died go with it; from the primary's
    // notice on, every request is answered.
    while (!lines().some((l) => l.msg === 'a worker died')) await new Promise((r) => setTimeout(r, 20));
    const from = lines().length;
    const deadline = Date.now() + 15_000;
    const statuses: number[] = [];
    while (answeredBy('health.ping', from).size < 2 && Date.now() < deadline) {
      statuses.push((await call('health.ping')).status);
      await new Promise((r) => setTimeout(r, 50));
    }
    const now = answeredBy('health.ping', from);
    expect(now.size).toBe(2);
    expect(now.has(victim as number)).toBe(false);
    expect(new Set(statuses)).toEqual(new Set([200]));
    workers = [...now];
  });

  it('stops every worker within 10 s of a SIGTERM to the primary', { timeout: 30_000 }, async () => {
    const pids = [primaryPid(), ...workers];
    expect(pids.every(alive)).toBe(true);
    const closed = once(server.child, 'close');
    const signalled = performance.now();
    process.kill(primaryPid(), 'SIGTERM');
    while (pids.some(alive) && performance.now() - signalled < 12_000) await new Promise((r) => setTimeout(r, 50));
    expect(pids.filter(alive)).toEqual([]);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect(await closed).toEqual([0, null]);
    expect(lines().filter((l) => l.msg === 'stopped')).toHaveLength(2);
  });
});
