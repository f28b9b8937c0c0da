import { once } from 'node:events';
import { request } from 'node:http';
import { connect } from 'node:net';
import { type AppRouter, createMiniterClient, TRPCClientError } from '@miniter/api/client';
import { Follow, Tweet } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

describe.each(testDialects())('HTTP API on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm, { corsOrigins: ['https://app.example'], maxBodySize: 64 * 1024 });

  /** A client that also counts the HTTP requests it makes. */
  function client(token?: string) {
    const requests: string[] = [];
    const api = createMiniterClient({
      url: `${server.url}/trpc`,
      token,
      fetch: (input, init) => {
        requests.push(String(input));
        return fetch(input, init);
      },
    });
    return { api, requests };
  }

  async function signedIn(name: string) {
    const { api } = client();
    const email = `${name}@example.com`;
    const user = await api.auth.signUp.mutate({ name, email, password: 'password123' });
    const { accessToken } = await api.auth.login.mutate({ email, password: 'password123' });
    return { user, token: accessToken, ...client(accessToken) };
  }

  const rawPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('serves health and readiness, naming the database', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      database: {
        dialect: expect.stringMatching(dialect === 'sqlite' ? /^sqlite$/ : /^(mysql|mariadb)$/),
        ready: true,
      },
    });
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('carries the whole flow through the typed client', async () => {
    const alice = await signedIn('alice');
    const bob = await signedIn('bob');
    await alice.api.follow.follow.mutate({ userId: bob.user.id });
    await bob.api.tweet.create.mutate({ text: '안녕하세요 🌏' });
    const home = await alice.api.timeline.home.query({});
    expect(home.items.map((t) => [t.author.name, t.text])).toEqual([['bob', '안녕하세요 🌏']]);
    expect(await alice.api.user.me.query()).toMatchObject({ id: alice.user.id, email: 'alice@example.com' });
  });

  it('batches concurrent calls into one HTTP request, each with its own EntityManager', async () => {
    const alice = await signedIn('alice');
    // The typed client sends each mutation on its own, with its own Idempotency-Key...
    const keys: (string | null)[] = [];
    const own = createMiniterClient({
      url: `${server.url}/trpc`,
      token: alice.token,
      fetch: (input, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'));
        return fetch(input, init);
      },
    });
    await Promise.all([own.tweet.create.mutate({ text: 'one' }), own.tweet.create.mutate({ text: 'two' })]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((key) => /^[0-9a-f]{32}$/.test(key ?? ''))).toBe(true);

    // ...but the server takes batched mutations all the same, each in its own unit of work.
    const requests: string[] = [];
    const batching = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.url}/trpc`,
          headers: { authorization: `Bearer ${alice.token}` },
          fetch: (input, init) => {
            requests.push(String(input));
            return fetch(input, init);
          },
        }),
      ],
    });
    const texts = Array.from({ length: 10 }, (_, i) => `batched ${i}`);
    const created = await Promise.all(texts.map((text) => batching.tweet.create.mutate({ text })));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain('tweet.create,tweet.create');
    expect(new Set(created.map((t) => t.id)).size).toBe(10);
    texts.push('one', 'two');

    alice.requests.length = 0;
    const [ping, me, page, missing] = await Promise.allSettled([
      alice.api.health.ping.query(),
      alice.api.user.byId.query({ userId: alice.user.id }),
      alice.api.tweet.byAuthor.query({ userId: alice.user.id, limit: 100 }),
      alice.api.user.byId.query({ userId: 999_999 }),
    ]);
    expect(alice.requests).toHaveLength(1);
    expect(ping).toEqual({ status: 'fulfilled', value: 'pong' });
    expect(me).toMatchObject({ status: 'fulfilled', value: { tweetCount: 12 } });
    expect(page.status === 'fulfilled' && page.value.items.map((t) => t.text).sort()).toEqual(texts.sort());
    expect(missing.status === 'rejected' && missing.reason).toBeInstanceOf(TRPCClientError);
  });

  it('retries what is safe to retry after a network error, with the same Idempotency-Key', async () => {
    const alice = await signedIn('alice');
    /** Fails the next requests as a dropped connection (or a deadline) would; records every attempt. */
    let failures = 0;
    let timeouts = 0;
    const attempts: { path: string; key: string | null }[] = [];
    const flaky = (token?: string, retries?: number) =>
      createMiniterClient({
        url: `${server.url}/trpc`,
        token,
        retries,
        fetch: async (input, init) => {
          attempts.push({
            path: new URL(String(input)).pathname,
            key: new Headers(init?.headers).get('idempotency-key'),
          });
          if (timeouts > 0) {
            timeouts--;
            throw new DOMException('The server did not answer in time', 'TimeoutError');
          }
          if (failures > 0) {
            failures--;
            throw new TypeError('fetch failed');
          }
          return fetch(input, init);
        },
      });
    const api = flaky(alice.token);

    failures = 2;
    const tweet = await api.tweet.create.mutate({ text: 'sent three times, stored once' });
    expect(attempts.map((a) => a.path)).toEqual(Array(3).fill('/trpc/tweet.create'));
    expect(new Set(attempts.map((a) => a.key)).size).toBe(1);
    expect(await alice.api.tweet.byAuthor.query({ userId: alice.user.id })).toMatchObject({
      items: [{ id: tweet.id }],
    });

    attempts.length = 0;
    failures = 1;
    expect(await api.timeline.home.query({})).toMatchObject({ items: [{ id: tweet.id }] });
    expect(attempts).toHaveLength(2);

    // Not retried: a login (it would open a second session), and anything past the retries.
    attempts.length = 0;
    failures = 1;
    await expect(api.auth.login.mutate({ email: 'alice@example.com', password: 'password123' })).rejects.toThrow(
      TRPCClientError,
    );
    expect(attempts).toHaveLength(1);
    attempts.length = 0;
    failures = 10;
    await expect(flaky(alice.token, 2).health.ping.query()).rejects.toThrow(TRPCClientError);
    expect(attempts).toHaveLength(3);
    // Nor a call that ran out of its caller's time: more calls would not help a server that slow.
    attempts.length = 0;
    failures = 0;
    timeouts = 1;
    await expect(api.health.ping.query()).rejects.toThrow(TRPCClientError);
    expect(attempts).toHaveLength(1);
  });

  it('answers a batch of user.byId calls with one statement, each call with its own answer', async () => {
    const alice = await signedIn('alice');
    const bob = await signedIn('bob');
    await alice.api.follow.follow.mutate({ userId: bob.user.id });
    const { orm } = db();
    const statements: string[] = [];
    const previous = orm.config.get('onQuery');
    orm.config.set('onQuery', (sql: string) => {
      statements.push(sql);
      return sql;
    });
    alice.requests.length = 0;
    const answers = await Promise.allSettled(
      [bob.user.id, alice.user.id, bob.user.id, 999_999].map((userId) => alice.api.user.byId.query({ userId })),
    ).finally(() => orm.config.set('onQuery', previous));
    expect(alice.requests).toHaveLength(1);
    expect(statements).toHaveLength(1);
    const [bobs, alices, bobsAgain, missing] = answers;
    expect(bobs).toMatchObject({ status: 'fulfilled', value: { name: 'bob', followerCount: 1, followingCount: 0 } });
    expect(alices).toMatchObject({
      status: 'fulfilled',
      value: { name: 'alice', followerCount: 0, followingCount: 1 },
    });
    expect(bobsAgain).toEqual(bobs);
    expect(missing).toMatchObject({ status: 'rejected', reason: { data: { code: 'NOT_FOUND' } } });
  });

  it('sends every answer whole, with its length: single, batched, failed and streamed-on-request', async () => {
    const batch = `${server.url}/trpc/health.ping,user.byId?batch=1&input=${encodeURIComponent(
      JSON.stringify({ 1: { userId: 999_999 } }),
    )}`;
    for (const [url, headers, status, text] of [
      [`${server.url}/trpc/health.ping`, {}, 200, 'pong'],
      [batch, {}, 207, 'NOT_FOUND'],
      [`${server.url}/trpc/user.me`, {}, 401, 'UNAUTHORIZED'],
      // A client asking for tRPC's streamed batch gets it, complete, in the same one-piece form.
      [batch, { 'trpc-accept': 'application/jsonl' }, 200, 'NOT_FOUND'],
    ] as const) {
      const response = await fetch(url, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(status);
      expect(response.headers.get('transfer-encoding')).toBeNull();
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
      expect(body.toString()).toContain(text);
    }
  });

  it('maps errors to HTTP statuses with typed codes; input errors list the fields', async () => {
    const bad = await rawPost('auth.signUp', { name: '', email: 'x', password: 'p' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { message: string; data: { code: string; zodError: { fieldErrors: object } } };
    };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain('password: Password must be at least 8 characters');
    expect(Object.keys(body.error.data.zodError.fieldErrors).sort()).toEqual(['email', 'name', 'password']);

    expect((await rawPost('tweet.create', { text: 'hi' })).status).toBe(401);
    expect((await rawPost('tweet.create', { text: 'hi' }, { authorization: 'Bearer nope' })).status).toBe(401);
    const alice = await signedIn('alice');
    const auth = { authorization: `Bearer ${alice.token}` };
    expect((await rawPost('follow.follow', { userId: 12_345 }, auth)).status).toBe(404);
    expect(
      (await rawPost('auth.signUp', { name: 'a', email: 'alice@example.com', password: 'password123' })).status,
    ).toBe(409);
    const bob = await signedIn('bob');
    const { id } = await bob.api.tweet.create.mutate({ text: 'bob only' });
    expect((await rawPost('tweet.delete', { tweetId: id }, auth)).status).toBe(403);
    expect((await rawPost('tweet.create', '{not json', auth)).status).toBe(400);
  });

  /** The HTTP status a call failed with. */
  const statusOf = (call: Promise<unknown>) =>
    call.then(
      () => 200,
      (e: TRPCClientError<AppRouter>) => e.data?.httpStatus,
    );

  it('answers every procedure, and refuses each the way the contract says', async () => {
    const alice = await signedIn('alice');
    const bob = await signedIn('bob');
    const anon = client().api;
    const a = alice.api;
    const { id: tweetId } = await bob.api.tweet.create.mutate({ text: 'hello' });
    const missing = 99_999;

    expect(await anon.health.ping.query()).toBe('pong');
    expect(await a.user.me.query()).toMatchObject({ id: alice.user.id, email: 'alice@example.com' });
    expect(await anon.user.byId.query({ userId: bob.user.id })).toMatchObject({ tweetCount: 1 });
    expect(await a.follow.follow.mutate({ userId: bob.user.id })).toEqual({
      userId: bob.user.id,
      following: true,
      followedBy: false,
    });
    expect((await anon.follow.followers.query({ userId: bob.user.id })).items).toHaveLength(1);
    expect((await anon.follow.following.query({ userId: alice.user.id })).items).toHaveLength(1);
    expect((await a.timeline.home.query({})).items.map((t) => t.id)).toEqual([tweetId]);
    expect((await anon.timeline.user.query({ userId: alice.user.id })).items.map((t) => t.id)).toEqual([tweetId]);
    expect((await anon.tweet.byAuthor.query({ userId: bob.user.id })).items.map((t) => t.id)).toEqual([tweetId]);
    expect(await a.follow.unfollow.mutate({ userId: bob.user.id })).toEqual({
      userId: bob.user.id,
      following: false,
      followedBy: false,
    });
    expect(await bob.api.tweet.delete.mutate({ tweetId })).toEqual({ id: tweetId });

    const refusals: [Promise<unknown>, number][] = [
      [anon.auth.signUp.mutate({ name: 'x', email: 'alice@example.com', password: 'password123' }), 409],
      [anon.auth.signUp.mutate({ name: 'x', email: 'x@example.com', password: '1234567' }), 400],
      [anon.auth.login.mutate({ email: 'alice@example.com', password: 'wrong password' }), 401],
      [anon.user.me.query(), 401],
      [anon.user.byId.query({ userId: missing }), 404],
      [anon.tweet.create.mutate({ text: 'hi' }), 401],
      [a.tweet.create.mutate({ text: 'x'.repeat(301) }), 400],
      [a.tweet.delete.mutate({ tweetId: missing }), 404],
      [a.follow.follow.mutate({ userId: alice.user.id }), 400],
      [a.follow.follow.mutate({ userId: missing }), 404],
      [a.follow.unfollow.mutate({ userId: missing }), 404],
      [anon.follow.followers.query({ userId: missing }), 404],
      [anon.follow.following.query({ userId: bob.user.id, limit: 101 }), 400],
      [anon.timeline.home.query({}), 401],
      [anon.timeline.user.query({ userId: missing }), 404],
      [anon.tweet.byAuthor.query({ userId: bob.user.id, cursor: 'nope' }), 400],
    ];
    const statuses = await Promise.all(refusals.map(([call]) => statusOf(call)));
    expect(statuses).toEqual(refusals.map(([, status]) => status));
  });

  it('keeps one follow row when the same follow arrives many times at once', async () => {
    const alice = await signedIn('alice');
    const bob = await signedIn('bob');
    const auth = { authorization: `Bearer ${alice.token}` };
    // Separate HTTP requests, all in flight together, plus a batch of the same call.
    const separate = Array.from({ length: 10 }, () => rawPost('follow.follow', { userId: bob.user.id }, auth));
    const batched = Array.from({ length: 5 }, () => alice.api.follow.follow.mutate({ userId: bob.user.id }));
    const responses = await Promise.all(separate);
    await Promise.all(batched);
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await db().orm.em.fork().count(Follow, { user: alice.user.id, followed: bob.user.id })).toBe(1);
  });

  it('loses no tweet when many users post at once', async () => {
    const users = await Promise.all(['u1', 'u2', 'u3', 'u4', 'u5'].map((name) => signedIn(name)));
    const posts = users.flatMap(({ token }, u) =>
      Array.from({ length: 10 }, (_, i) =>
        rawPost('tweet.create', { text: `user ${u} tweet ${i}` }, { authorization: `Bearer ${token}` }),
      ),
    );
    const responses = await Promise.all(posts);
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const ids = await Promise.all(
      responses.map(async (r) => ((await r.json()) as { result: { data: { id: number } } }).result.data.id),
    );
    expect(new Set(ids).size).toBe(50);
    expect(
      await db()
        .orm.em.fork()
        .count(Tweet, { id: { $in: ids } }),
    ).toBe(50);
  });

  it('reads a body sent in chunks that split a character, and one that leaves before its end', async () => {
    const { token } = await signedIn('chunks');
    const text = 'split ✍️ across chunks';
    const bytes = Buffer.from(JSON.stringify({ text }));
    const cut = bytes.indexOf(Buffer.from('✍')) + 1;
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/trpc/tweet.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      req.on('response', async (res) => {
        let body = '';
        for await (const chunk of res) body += chunk;
        resolve({ status: res.statusCode ?? 0, body });
      });
      req.on('error', reject);
      req.write(bytes.subarray(0, cut));
      setTimeout(() => req.end(bytes.subarray(cut)), 50);
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).result.data.text).toBe(text);

    // A client that promises more than it sends and goes away: nothing is stored, the server goes on.
    const before = await db().orm.em.fork().count(Tweet, {});
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /trpc/tweet.create HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n` +
        `authorization: Bearer ${token}\r\ncontent-length: 100\r\n\r\n{"text":"never fin`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    expect((await rawPost('tweet.create', { text: 'after' }, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(await db().orm.em.fork().count(Tweet, {})).toBe(before + 1);
  });

  it('refuses a batch above the limit and a body above the cap', async () => {
    const paths = Array(21).fill('health.ping').join(',');
    expect((await fetch(`${server.url}/trpc/${paths}?batch=1&input={}`)).status).toBe(400);
    const huge = await rawPost('auth.signUp', { name: 'x'.repeat(100 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('sends CORS headers only to configured origins', async () => {
    const allowed = await fetch(`${server.url}/trpc/health.ping`, { headers: { origin: 'https://app.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await fetch(`${server.url}/trpc/health.ping`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
