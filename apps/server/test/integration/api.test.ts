import { createMiniterClient, TRPCClientError } from '@miniter/api/client';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

describe.each(testDialects())('HTTP API on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const baseUrl = useHttpServer(() => db().orm, { corsOrigins: ['https://app.example'], maxBodySize: 64 * 1024 });

  /** A client that also counts the HTTP requests it makes. */
  function client(token?: string) {
    const requests: string[] = [];
    const api = createMiniterClient({
      url: `${baseUrl()}/trpc`,
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
    fetch(`${baseUrl()}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('serves health and readiness, naming the database', async () => {
    const health = await fetch(`${baseUrl()}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      database: {
        dialect: expect.stringMatching(dialect === 'sqlite' ? /^sqlite$/ : /^(mysql|mariadb)$/),
        ready: true,
      },
    });
    expect((await fetch(`${baseUrl()}/nope`)).status).toBe(404);
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
    alice.requests.length = 0;
    const texts = Array.from({ length: 10 }, (_, i) => `batched ${i}`);
    const created = await Promise.all(texts.map((text) => alice.api.tweet.create.mutate({ text })));
    expect(alice.requests).toHaveLength(1);
    expect(alice.requests[0]).toContain('tweet.create,tweet.create');
    expect(new Set(created.map((t) => t.id)).size).toBe(10);

    alice.requests.length = 0;
    const [ping, me, page, missing] = await Promise.allSettled([
      alice.api.health.ping.query(),
      alice.api.user.byId.query({ userId: alice.user.id }),
      alice.api.tweet.byAuthor.query({ userId: alice.user.id, limit: 100 }),
      alice.api.user.byId.query({ userId: 999_999 }),
    ]);
    expect(alice.requests).toHaveLength(1);
    expect(ping).toEqual({ status: 'fulfilled', value: 'pong' });
    expect(me).toMatchObject({ status: 'fulfilled', value: { tweetCount: 10 } });
    expect(page.status === 'fulfilled' && page.value.items.map((t) => t.text).sort()).toEqual(texts.sort());
    expect(missing.status === 'rejected' && missing.reason).toBeInstanceOf(TRPCClientError);
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

  it('refuses a batch above the limit and a body above the cap', async () => {
    const paths = Array(21).fill('health.ping').join(',');
    expect((await fetch(`${baseUrl()}/trpc/${paths}?batch=1&input={}`)).status).toBe(400);
    const huge = await rawPost('auth.signUp', { name: 'x'.repeat(100 * 1024) });
    expect(huge.status).toBe(413);
  });

  it('sends CORS headers only to configured origins', async () => {
    const allowed = await fetch(`${baseUrl()}/trpc/health.ping`, { headers: { origin: 'https://app.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await fetch(`${baseUrl()}/trpc/health.ping`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
