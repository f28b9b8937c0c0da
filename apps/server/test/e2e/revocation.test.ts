/**
 * An ended session is refused at once on every instance, while load goes on: two instances started
 * as users start them (`pnpm start`; one of two workers, one of one) on one database, without Redis
 * (the session epoch lives in the database), each remembering session checks. Clients keep writing
 * and reading on both with many sessions while others end theirs on either instance (logout, logout
 * everywhere, password change, account deletion); no call sent after an ending was acknowledged may
 * be served on that session, on any instance or worker.
 */
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuth } from '../helpers.ts';
import { type ServerProcess, startServerProcess } from './start.ts';

const stop = (server: ServerProcess) => {
  const { child } = server;
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
};

async function call(url: string, path: string, token: string | null, input?: unknown) {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input ?? {}),
  });
  return { status: response.status, body: (await response.json()) as { result?: { data: unknown } } };
}

const query = async (url: string, path: string, token: string) =>
  (await fetch(`${url}/trpc/${path}`, { headers: { authorization: `Bearer ${token}` } })).status;

interface Session {
  email: string;
  token: string;
  /** When its ending was acknowledged (performance.now()); calls sent after it must be refused. */
  endedAt?: number;
}

describe.runIf(testDialects().includes('mysql'))('ending sessions under load, across two instances', () => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    for (const workers of ['2', '1']) {
      const server = startServerProcess({
        NODE_ENV: 'production',
        PORT: '0',
        WORKERS: workers,
        DATABASE_URL: db.databaseUrl,
        JWT_SECRET: testAuth.jwtSecret,
        BCRYPT_COST: '10',
        LOG_LEVEL: 'info',
        RATE_LIMIT_ENABLED: 'false',
      });
      servers.push(server);
      // One after the other: the first migrates the database.
      urls.push(await server.listening);
    }
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) stop(server);
    await db?.close();
  });

  it('serves no call on a session after its ending was acknowledged', async () => {
    const [a = '', b = ''] = urls;
    const sessions: Session[] = [];
    for (let n = 0; n < 12; n++) {
      const email = `user${n}@example.com`;
      await call(a, 'auth.signUp', null, { name: `User ${n}`, email, password: 'password123' });
      for (let k = 0; k < 3; k++) {
        const { body } = await call(k % 2 ? b : a, 'auth.login', null, { email, password: 'password123' });
        const login = body.result?.data as { accessToken: string } | undefined;
        sessions.push({ email, token: String(login?.accessToken) });
      }
    }

    let served = 0;
    let checkedAfterEnd = 0;
    const violations: string[] = [];
    let loading = true;
    // 16 clients, each calling both instances in turn with every session, as fast as they are answered.
    const load = Array.from({ length: 16 }, async (_, client) => {
      for (let n = client; loading; n++) {
        const session = sessions[n % sessions.length] as Session;
        const url = n % 2 ? a : b;
        const sentAt = performance.now();
        const status =
          n % 3
            ? (await call(url, 'tweet.create', session.token, { text: `load ${n}` })).status
            : await query(url, 'user.me', session.token);
        if (session.endedAt !== undefined && sentAt > session.endedAt) {
          checkedAfterEnd++;
          if (status === 200)
            violations.push(`${session.email} served ${(sentAt - session.endedAt).toFixed(1)} ms after its end`);
        } else if (status === 200) {
          served++;
        }
      }
    });

    // Meanwhile, sessions end on either instance, each way there is, one after another.
    const endings: Array<[string, (url: string, token: string) => Promise<unknown>]> = [
      ['auth.logout', (url, token) => call(url, 'auth.logout', token)],
      ['auth.logoutAll', (url, token) => call(url, 'auth.logoutAll', token)],
      [
        'auth.changePassword',
        (url, token) =>
          call(url, 'auth.changePassword', token, { currentPassword: 'password123', newPassword: 'password456' }),
      ],
      ['auth.deleteAccount', (url, token) => call(url, 'auth.deleteAccount', token, { password: 'password123' })],
    ];
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let n = 0; n < 12; n++) {
      const [, end] = endings[n % endings.length] as (typeof endings)[number];
      const session = sessions[n * 3] as Session;
      const { status } = (await end(n % 2 ? a : b, session.token)) as { status: number };
      expect(status).toBe(200);
      const endedAt = performance.now();
      // logoutAll, a password change and a deleted account end every session of the user.
      for (const other of sessions) {
        if (other === session || (n % endings.length !== 0 && other.email === session.email)) other.endedAt = endedAt;
      }
      // At once on the other instance (and on every worker of the first).
      for (const url of [n % 2 ? b : a, n % 2 ? b : a, n % 2 ? a : b]) {
        expect(await query(url, 'user.me', session.token)).toBe(401);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    loading = false;
    await Promise.all(load);

    expect(violations).toEqual([]);
    // The load ran, and many of its calls came after endings: the check could have failed.
    expect(served).toBeGreaterThan(500);
    expect(checkedAfterEnd).toBeGreaterThan(100);
  }, 120_000);
});
