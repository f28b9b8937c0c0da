import { randomUUID } from 'node:crypto';
import { createRateLimiter, type RateLimitRule } from '@miniter/api';
import { createMiniterClient } from '@miniter/api/client';
import { makeImage } from '@miniter/api/testing';
import { Follow, Session, Tweet, User } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { MemoryStore } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore } from 'rate-limit-redis';
import { afterAll, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

const tight: Record<string, RateLimitRule> = {
  loginPerIp: { limit: 4, windowMs: 60_000 },
  loginPerEmail: { limit: 2, windowMs: 3_600_000 },
  signUpPerIp: { limit: 2, windowMs: 60_000 },
  callsPerClient: { limit: 10, windowMs: 60_000 },
};

/** Raw HTTP calls, so each can come from its own client address (the app trusts X-Forwarded-For). */
function caller(baseUrl: () => string) {
  return (path: string, input: unknown, options: { ip?: string; token?: string; query?: boolean } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    return options.query
      ? fetch(`${baseUrl()}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : fetch(`${baseUrl()}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
  };
}

const redis = new Redis('redis://127.0.0.1:6379', {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
});
const redisUp = await redis.connect().then(
  () => true,
  () => false,
);
if (!redisUp) console.log('[redis] Redis-backed rate limit tests SKIPPED: nothing answers on 127.0.0.1:6379');
afterAll(() => (redisUp ? redis.quit() : undefined));

const stores = {
  memory: () => new MemoryStore(),
  // A fresh prefix per run: counts from another run or instance never mix in.
  redis: (prefix = `miniter-test:${randomUUID()}:`) =>
    new RedisStore({
      prefix,
      sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
    }),
};

describe.each((redisUp ? ['memory', 'redis'] : ['memory']) as (keyof typeof stores)[])(
  'rate limits with the %s store',
  (storeKind) => {
    const db = useTestDatabase('sqlite');
    const prefix = `miniter-test:${randomUUID()}:`;
    const limiter = () =>
      createRateLimiter({
        rules: tight,
        createStore: (name) => (storeKind === 'redis' ? stores.redis(`${prefix}${name}:`) : stores.memory()),
      });
    const server = useHttpServer(() => db().orm, {
      trustProxy: true,
      limiter,
      auth: { jwtSecret: 'x'.repeat(40), jwtExpiresIn: 3600, bcryptCost: 10 },
    });
    const call = caller(() => server.url);
    const signUp = (email: string, ip: string) =>
      call('auth.signUp', { name: 'n', email, password: 'password123' }, { ip });

    it('limits sign-ups per address, with Retry-After and RateLimit headers', async () => {
      expect((await signUp('a@example.com', '10.0.0.1')).status).toBe(200);
      expect((await signUp('b@example.com', '10.0.0.1')).status).toBe(200);
      const refused = await signUp('c@example.com', '10.0.0.1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('ratelimit')).toMatch(/^limit=2, remaining=0, reset=\d+$/);
      expect(refused.headers.get('ratelimit-policy')).toBe('2;w=60');
      expect(((await refused.json()) as { error: { data: { code: string } } }).error.data.code).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect((await signUp('c@example.com', '10.0.0.2')).status).toBe(200);
    });

    it('limits logins per email across addresses and per address across emails, before bcrypt', async () => {
      await signUp('target@example.com', '10.1.0.1');
      const login = (email: string, ip: string) => call('auth.login', { email, password: 'wrong password' }, { ip });
      expect((await login('target@example.com', '10.1.0.2')).status).toBe(401);
      expect((await login('target@example.com', '10.1.0.3')).status).toBe(401);
      const started = performance.now();
      const byEmail = await login('target@example.com', '10.1.0.4');
      const refusedIn = performance.now() - started;
      expect(byEmail.status).toBe(429);
      // bcrypt at cost 10 takes tens of milliseconds here; the refusal comes before it runs.
      expect(refusedIn).toBeLessThan(25);

      for (const n of [1, 2, 3, 4]) expect((await login(`other${n}@example.com`, '10.1.0.9')).status).toBe(401);
      expect((await login('yet-another@example.com', '10.1.0.9')).status).toBe(429);
    });

    it('counts every call, each call of a batch too, per user when signed in', async () => {
      await signUp('caller@example.com', '10.2.0.1');
      const session = (await (
        await call('auth.login', { email: 'caller@example.com', password: 'password123' }, { ip: '10.2.0.1' })
      ).json()) as { result: { data: { accessToken: string } } };
      const token = session.result.data.accessToken;

      const batch = await fetch(`${server.url}/trpc/${Array(12).fill('health.ping').join(',')}?batch=1&input={}`, {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.2.0.1' },
      });
      const results = (await batch.json()) as { error?: { data: { httpStatus: number } } }[];
      expect(results.filter((r) => !r.error)).toHaveLength(10);
      expect(results.filter((r) => r.error?.data.httpStatus === 429)).toHaveLength(2);

      // Another address is not this user: anonymous calls from it have their own count.
      expect((await call('health.ping', undefined, { ip: '10.2.0.2', query: true })).status).toBe(200);
      // The same user from another address is still the same user.
      expect((await call('health.ping', undefined, { ip: '10.2.0.3', token, query: true })).status).toBe(429);
    });

    it("tells Mastodon's clients their limit in Mastodon's headers, and refuses past it in Mastodon's shape", async () => {
      // Three authors on the timeline: its answer calls more than one procedure, and counts once.
      const em = db().orm.em.fork();
      for (const name of ['ann', 'bob', 'cat']) {
        const author = em.create(User, { name, username: name, email: `${name}@example.com`, hashedPassword: 'x' });
        em.create(Tweet, { author, text: `${name} was here` });
      }
      await em.flush();
      const timeline = () =>
        fetch(`${server.url}/api/v1/timelines/public`, { headers: { 'x-forwarded-for': '10.3.0.1' } });
      const first = await timeline();
      expect(first.status).toBe(200);
      expect(await first.json()).toHaveLength(3);
      expect(first.headers.get('x-ratelimit-limit')).toBe('10');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('9');
      const reset = Date.parse(first.headers.get('x-ratelimit-reset') ?? '');
      expect(reset - Date.now()).toBeGreaterThan(0);
      expect(reset - Date.now()).toBeLessThanOrEqual(60_000);
      for (let n = 2; n <= 10; n++) expect((await timeline()).status).toBe(200);
      const refused = await timeline();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await refused.json()).toEqual({ error: 'Too many requests' });
    });
  },
);

describe('rate limits shared through Redis', () => {
  it.runIf(redisUp)('hold across two server instances', async () => {
    const prefix = `miniter-test:${randomUUID()}:`;
    const make = () =>
      createRateLimiter({
        rules: { callsPerClient: { limit: 3, windowMs: 60_000 } },
        createStore: (name) => stores.redis(`${prefix}${name}:`),
      });
    const [a, b] = [await make(), await make()];
    const results = [];
    for (const limiter of [a, b, a, b]) results.push((await limiter.consume('callsPerClient', 'ip:1')).allowed);
    expect(results).toEqual([true, true, true, false]);
  });
});

describe('without trust proxy', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, {
    limiter: () => createRateLimiter({ rules: tight, createStore: stores.memory }),
  });
  const call = caller(() => server.url);

  it('ignores a forged X-Forwarded-For: the connection decides the address', async () => {
    const statuses = [];
    for (const n of [1, 2, 3]) {
      statuses.push(
        (
          await call(
            'auth.signUp',
            { name: 'n', email: `f${n}@example.com`, password: 'password123' },
            { ip: `10.9.0.${n}` },
          )
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe.each(testDialects())('sessions over HTTP on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);
  const client = (token?: string) => createMiniterClient({ url: `${server.url}/trpc`, token });
  const statusOf = (call: Promise<unknown>) =>
    call.then(
      () => 200,
      (e: { data?: { httpStatus?: number } }) => e.data?.httpStatus,
    );

  async function account(name: string, password = 'password123') {
    const email = `${name}@example.com`;
    await client().auth.signUp.mutate({ name, email, password });
    const login = async () => (await client().auth.login.mutate({ email, password })).accessToken;
    return { email, login };
  }

  it('logout ends only this token; logoutAll ends them all', async () => {
    const alice = await account('alice');
    const [phone, laptop, tablet] = [await alice.login(), await alice.login(), await alice.login()];
    expect(await client(phone).auth.logout.mutate()).toEqual({ loggedOut: true });
    expect(await statusOf(client(phone).user.me.query())).toBe(401);
    expect(await statusOf(client(laptop).user.me.query())).toBe(200);
    await client(laptop).auth.logoutAll.mutate();
    expect(await statusOf(client(laptop).user.me.query())).toBe(401);
    expect(await statusOf(client(tablet).user.me.query())).toBe(401);
  });

  it('a password change revokes every token and hands back a new one', async () => {
    const bob = await account('bob');
    const [first, second] = [await bob.login(), await bob.login()];
    const wrong = client(first).auth.changePassword.mutate({
      currentPassword: 'nope nope',
      newPassword: 'new password!',
    });
    expect(await statusOf(wrong)).toBe(403);
    const changed = await client(first).auth.changePassword.mutate({
      currentPassword: 'password123',
      newPassword: 'new password!',
    });
    for (const old of [first, second]) expect(await statusOf(client(old).user.me.query())).toBe(401);
    expect((await client(changed.accessToken).user.me.query()).email).toBe(bob.email);
    const tooShort = client(changed.accessToken).auth.changePassword.mutate({
      currentPassword: 'new password!',
      newPassword: 'short',
    });
    expect(await statusOf(tooShort)).toBe(400);
  });

  it('deleting an account removes the user, their tweets, follows and pictures, and their tokens', async () => {
    const carol = await account('carol');
    const dave = await account('dave');
    const [carolToken, daveToken] = [await carol.login(), await dave.login()];
    const me = await client(carolToken).user.me.query();
    const daveMe = await client(daveToken).user.me.query();
    await client(carolToken).tweet.create.mutate({ text: 'bye' });
    await client(carolToken).follow.follow.mutate({ userId: daveMe.id });
    await client(daveToken).follow.follow.mutate({ userId: me.id });
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await makeImage('png'))], 'me.png'));
    const { profilePictureUrl } = await client(carolToken).user.uploadProfilePicture.mutate(form);

    expect(await statusOf(client(carolToken).auth.deleteAccount.mutate({ password: 'wrong one' }))).toBe(403);
    expect(await client(carolToken).auth.deleteAccount.mutate({ password: 'password123' })).toEqual({ deleted: true });

    expect(await statusOf(client(carolToken).user.me.query())).toBe(401);
    expect(await statusOf(client().user.byId.query({ userId: me.id }))).toBe(404);
    expect((await fetch(profilePictureUrl)).status).toBe(404);
    const em = db().orm.em.fork();
    expect(await em.count(User, { id: me.id })).toBe(0);
    expect(await em.count(Tweet, { author: me.id })).toBe(0);
    expect(await em.count(Follow, { $or: [{ user: me.id }, { followed: me.id }] })).toBe(0);
    expect(await em.count(Session, { user: me.id })).toBe(0);
    expect(await statusOf(client(daveToken).user.me.query())).toBe(200);
  });
});

describe('responses', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm);

  it('carry the security headers that matter for JSON, a request id, and no browser-page headers', async () => {
    const res = await fetch(`${server.url}/trpc/health.ping`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const name of ['x-powered-by', 'strict-transport-security', 'x-frame-options', 'x-dns-prefetch-control']) {
      expect(res.headers.get(name), name).toBeNull();
    }
  });
});
