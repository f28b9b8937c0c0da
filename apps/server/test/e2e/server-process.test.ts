/**
 * End to end: the server as a user runs it, through the README's start command (`pnpm start` at the
 * repository root) in a separate process, driven over HTTP with the typed client.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type AppRouter, createMiniterClient, TRPCClientError } from '@miniter/api/client';
import { User } from '@miniter/db';
import { createTestDatabase, type TestDatabase, testDialects } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuth } from '../helpers.ts';
import { type ServerProcess, startServerProcess } from './start.ts';

const signal = (child: ChildProcess, name: NodeJS.Signals) => child.pid && process.kill(-child.pid, name);

describe.each(testDialects())('the server process on %s', (dialect) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    server = startServerProcess({
      DATABASE_URL: db.databaseUrl,
      PORT: '0',
      NODE_ENV: 'production',
      JWT_SECRET: testAuth.jwtSecret,
      BCRYPT_COST: '10',
    });
    url = await server.listening;
  });

  afterAll(async () => {
    if (server.child.exitCode === null) signal(server.child, 'SIGKILL');
    await db.close();
  });

  it('reports ready, serves a user session end to end, and keeps out the unauthenticated', async () => {
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);

    const anonymous = createMiniterClient({ url: `${url}/trpc` });
    const sessions = [];
    for (const [name, email] of [
      ['민지', 'Minji@Example.com'],
      ['joe', 'joe@example.com'],
    ] as const) {
      await anonymous.auth.signUp.mutate({ name, email, password: 'long enough password' });
      const { accessToken, user } = await anonymous.auth.login.mutate({ email, password: 'long enough password' });
      sessions.push({ user, api: createMiniterClient({ url: `${url}/trpc`, token: accessToken }) });
    }
    const [minji, joe] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];

    await joe.api.tweet.create.mutate({ text: 'first 🐣' });
    await minji.api.follow.follow.mutate({ userId: joe.user.id });
    const mine = await minji.api.tweet.create.mutate({ text: '반가워요' });
    const [me, home] = await Promise.all([minji.api.user.me.query(), minji.api.timeline.home.query({ limit: 10 })]);
    expect(me.email).toBe('minji@example.com');
    expect(home.items.map((t) => `${t.author.name}: ${t.text}`)).toEqual(['민지: 반가워요', 'joe: first 🐣']);

    await minji.api.follow.unfollow.mutate({ userId: joe.user.id });
    expect((await minji.api.timeline.home.query({})).items.map((t) => t.id)).toEqual([mine.id]);
    expect(await anonymous.user.byId.query({ userId: joe.user.id })).toMatchObject({ followerCount: 0, tweetCount: 1 });

    const refused = await anonymous.timeline.home.query({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });

  it('stops cleanly on SIGTERM', async () => {
    signal(server.child, 'SIGTERM');
    // 'close', not 'exit': pnpm may exit first; the pipe closes once the server itself is gone.
    await once(server.child, 'close');
    expect(server.output()).toContain('"msg":"stopped"');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe('the server process with a bad configuration', () => {
  it('exits non-zero and names each problem', async () => {
    const server = startServerProcess({ NODE_ENV: 'production', PORT: 'eighty' });
    const [code] = await once(server.child, 'exit');
    expect(code).not.toBe(0);
    expect(server.output()).toContain('Invalid configuration');
    expect(server.output()).toMatch(/PORT: /);
    expect(server.output()).toMatch(/JWT_SECRET: must be set to at least 32 characters in production/);
  });

  it('exits non-zero with one line when the database cannot be reached', async () => {
    const server = startServerProcess({ DATABASE_URL: 'mariadb://miniter:secret@127.0.0.1:1/miniter' });
    const [code] = await once(server.child, 'exit');
    expect(code).not.toBe(0);
    expect(server.output()).toMatch(/Cannot reach the database at 127\.0\.0\.1:1 \(DATABASE_URL\): .*ECONNREFUSED/);
    expect(server.output()).not.toMatch(/secret|triggerUncaughtException|\n\s+at /);
  });
});

describe('graceful shutdown under traffic', () => {
  it('finishes what is in flight, refuses what comes after, and exits 0 within 10 s', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase('sqlite');
    // The server itself, not the pnpm wrapper: its own exit code is what is checked.
    const child = spawn(process.execPath, [fileURLToPath(new URL('../../src/main.ts', import.meta.url))], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        DATABASE_URL: db.databaseUrl,
        JWT_SECRET: testAuth.jwtSecret,
        BCRYPT_COST: '10',
        RATE_LIMIT_ENABLED: 'false',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let log = '';
      const url = await new Promise<string>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          log += chunk;
          const match = /"url":"(http:[^"]+)"/.exec(log);
          if (match?.[1]) resolve(match[1]);
        }),
      );

      // Each request on its own connection, so "refused" and "cut off" cannot be confused.
      const outcomes: string[] = [];
      const unanswered: string[] = [];
      const signUp = (n: number) =>
        new Promise<string>((resolve) => {
          const body = JSON.stringify({ name: 'n', email: `u${n}@example.com`, password: 'password123' });
          const req = request(`${url}/trpc/auth.signUp`, {
            method: 'POST',
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          });
          req.on('response', (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve(`${res.statusCode} ${JSON.parse(text).result ? 'ok' : 'error'}`));
            res.on('error', (e) => resolve(`cut off: ${e.message}`));
          });
          // No response at all: refused, or reset while still queued when the listener closed.
          // Either way the server must not have acted on it (checked below).
          req.on('error', () => {
            unanswered.push(`u${n}@example.com`);
            resolve('refused');
          });
          req.end(body);
        });
      let n = 0;
      let stopping = false;
      const clients = Promise.all(
        Array.from({ length: 8 }, async () => {
          while (!stopping || outcomes.at(-1) !== 'refused') {
            const outcome = await signUp(n++);
            outcomes.push(outcome);
            if (outcome === 'refused') return;
          }
        }),
      );

      await new Promise((r) => setTimeout(r, 800));
      const signalled = performance.now();
      child.kill('SIGTERM');
      stopping = true;
      const [code] = await once(child, 'exit');
      const exitedAfter = performance.now() - signalled;
      await clients;

      expect(code).toBe(0);
      expect(exitedAfter).toBeLessThan(10_000);
      expect(log).toContain('"msg":"stopped"');
      expect(outcomes.filter((o) => o.startsWith('cut off'))).toEqual([]);
      expect(outcomes.filter((o) => o === '200 ok').length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(0);
      expect(outcomes.filter((o) => o !== '200 ok' && o !== 'refused')).toEqual([]);
      expect(await db.orm.em.fork().count(User, { email: { $in: unanswered } })).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await db.close();
    }
  });
});
