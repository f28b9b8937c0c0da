/**
 * The live timeline across processes, started as users start them (`pnpm start`): two instances on
 * one MySQL database with Redis between them (a write on one reaches a stream on the other, a
 * stream resumes on the other, and a Redis outage costs nothing), and one instance of two workers
 * on SQLite without Redis. SIGTERM ends open streams and the process still exits within 10 s.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, freePort, type TestDatabase, testDialects } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAuth } from '../helpers.ts';
import { type LiveStream, openLiveStream } from '../live-stream.ts';
import { type ServerProcess, startServerProcess } from './start.ts';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env.CI) throw new Error('redis-server is required in CI (apt-get install redis-server)');

/** How many connections listen on the live timeline's channel. */
const subscribers = (port: number) =>
  Number(
    spawnSync('redis-cli', ['-p', String(port), 'pubsub', 'numsub', 'miniter:timeline'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')[1] ?? 0,
  );

/** A Redis of this test's own, to stop and start again. */
function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

function serverEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: 'production',
    PORT: '0',
    WORKERS: '1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: testAuth.jwtSecret,
    BCRYPT_COST: '10',
    LOG_LEVEL: 'info',
    RATE_LIMIT_ENABLED: 'false',
    ...extra,
  };
}

async function signedIn(url: string, name: string) {
  const api = createMiniterClient({ url: `${url}/trpc` });
  const user = await api.auth.signUp.mutate({ name, email: `${name}@example.com`, password: 'password123' });
  const { accessToken } = await api.auth.login.mutate({ email: `${name}@example.com`, password: 'password123' });
  return { id: user.id, token: accessToken, api: createMiniterClient({ url: `${url}/trpc`, token: accessToken }) };
}

const stop = (server: ServerProcess) => {
  const { child } = server;
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
};

describe.runIf(testDialects().includes('mysql') && hasRedis)('two instances on MySQL with Redis', () => {
  let db: TestDatabase;
  let redisPort = 0;
  let redis: ChildProcess;
  const servers: ServerProcess[] = [];
  const urls: string[] = [];
  const streams: LiveStream[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    redisPort = await freePort();
    redis = startRedis(redisPort);
    for (let n = 0; n < 2; n++) {
      const server = startServerProcess(serverEnv(db.databaseUrl, { REDIS_URL: `redis://127.0.0.1:${redisPort}` }));
      servers.push(server);
      urls.push(await server.listening);
    }
  }, 90_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const server of servers) stop(server);
    redis?.kill('SIGKILL');
    await db?.close();
  });

  it('carries a tweet written on one instance to a stream on the other within a second', async () => {
    const [a = '', b = ''] = urls;
    const reader = await signedIn(a, 'reader');
    const author = await signedIn(b, 'author');
    await reader.api.follow.follow.mutate({ userId: author.id });
    const stream = await openLiveStream(b, reader.token);
    streams.push(stream);
    const onA = createMiniterClient({ url: `${a}/trpc`, token: author.token });
    const started = Date.now();
    const tweet = await onA.tweet.create.mutate({ text: 'written on A' });
    const [event] = await stream.waitFor(1, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    // One subscriber connection per instance, however many streams.
    expect(subscribers(redisPort)).toBe(2);
    expect(event?.data).toEqual({ type: 'tweet', tweet });

    // And it resumes on the other instance.
    stream.close();
    const missed = await onA.tweet.create.mutate({ text: 'while away' });
    const resumed = await openLiveStream(a, reader.token, { lastEventId: event?.id });
    streams.push(resumed);
    const [caughtUp] = await resumed.waitFor(1);
    expect(caughtUp?.data).toEqual({ type: 'tweet', tweet: missed });
  });

  it('catches up from the database while Redis is down, and after it is back', async () => {
    const [a = '', b = ''] = urls;
    const reader = await signedIn(a, 'reader2');
    const stream = await openLiveStream(b, reader.token);
    streams.push(stream);
    const onA = createMiniterClient({ url: `${a}/trpc`, token: reader.token });

    redis.kill('SIGKILL');
    await once(redis, 'exit');
    const during = await onA.tweet.create.mutate({ text: 'Redis is down' });
    await stream.waitFor(1, 3000);

    redis = startRedis(redisPort);
    // Both instances subscribe again by themselves.
    await expect.poll(() => subscribers(redisPort), { timeout: 10_000, interval: 200 }).toBe(2);
    const after = await onA.tweet.create.mutate({ text: 'Redis is back' });
    const events = await stream.waitFor(2, 3000);
    expect(events.map((e) => e.data)).toEqual([
      { type: 'tweet', tweet: during },
      { type: 'tweet', tweet: after },
    ]);
  });
});

describe('two workers on SQLite without Redis', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url = '';

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = startServerProcess(serverEnv(db.databaseUrl, { WORKERS: '2' }));
    url = await server.listening;
  }, 90_000);

  afterAll(async () => {
    stop(server);
    await db?.close();
  });

  it('reaches the streams of every worker, and SIGTERM ends them and exits within 10 s', async () => {
    const reader = await signedIn(url, 'reader');
    // Connections go to the workers in turn: four streams are served by both.
    const streams = await Promise.all([0, 1, 2, 3].map(() => openLiveStream(url, reader.token)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tweets = [];
    for (let n = 0; n < 4; n++) tweets.push(await reader.api.tweet.create.mutate({ text: `tweet ${n}` }));
    for (const stream of streams) {
      const events = await stream.waitFor(4, 3000);
      expect(events.map((e) => e.data)).toEqual(tweets.map((tweet) => ({ type: 'tweet', tweet })));
    }

    const started = Date.now();
    const exited = once(server.child, 'exit');
    if (server.child.pid) process.kill(-server.child.pid, 'SIGTERM');
    await Promise.all(streams.map((stream) => stream.ended));
    await exited;
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
