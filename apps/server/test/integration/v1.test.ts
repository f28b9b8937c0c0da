/**
 * `/api/v1` against the real server: a whole session (sign-up to account deletion) over REST, each
 * answer compared with what the same procedure answers over /trpc, and the refusals' statuses and
 * bodies. Every route of the table is called at least once.
 */
import { createMiniterClient } from '@miniter/api/client';
import { makeImage } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { v1Routes } from '../../src/rest/v1.ts';
import { useHttpServer } from '../helpers.ts';
import { openApiChecker } from '../openapi-check.ts';

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, asserted field by field below.
  body: any;
}

describe.each(testDialects())('/api/v1 on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);
  const called = new Set<string>();
  const { document, check } = openApiChecker();

  async function rest(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const route = v1Routes.find(
      (r) =>
        r.method === method.toLowerCase() &&
        new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`).test(path.split('?')[0] as string),
    );
    if (route) called.add(`${route.method} ${route.path}`);
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: FormData | string | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, ...(body ? { body } : {}) });
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    // Every answer is checked against the document: its status must be listed, its body valid.
    if (route)
      check(method, `/api/v1${path}`, { status: res.status, contentType: res.headers.get('content-type'), text });
    return { status: res.status, body: JSON.parse(text) };
  }

  it('serves a whole session, answering as /trpc does', async () => {
    const trpc = (token?: string) => createMiniterClient({ url: `${server.url}/trpc`, token });
    expect(await rest('GET', '/ping')).toEqual({ status: 200, body: 'pong' });

    const signUp = await rest('POST', '/users', {
      body: { name: 'Alice', email: 'alice@example.com', password: 'password123', profile: 'hi' },
    });
    expect(signUp.status).toBe(201);
    const alice = signUp.body;
    const bob = await trpc().auth.signUp.mutate({ name: 'Bob', email: 'bob@example.com', password: 'password123' });
    expect(alice).toEqual({
      ...bob,
      id: alice.id,
      name: 'Alice',
      username: 'alice',
      profile: 'hi',
      createdAt: alice.createdAt,
    });

    const login = await rest('POST', '/sessions', { body: { email: 'alice@example.com', password: 'password123' } });
    expect(login.status).toBe(201);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', user: alice });
    const token = login.body.accessToken as string;
    const bobToken = (await trpc().auth.login.mutate({ email: 'bob@example.com', password: 'password123' }))
      .accessToken;

    expect((await rest('GET', '/users/me', { token })).body).toEqual(await trpc(token).user.me.query());
    const tweet = await rest('POST', '/tweets', { token, body: { text: 'hello over REST' } });
    expect(tweet.status).toBe(201);
    expect(tweet.body).toMatchObject({ text: 'hello over REST', author: { id: alice.id, name: 'Alice' } });
    await trpc(bobToken).tweet.create.mutate({ text: 'hello from Bob' });

    expect((await rest('PUT', `/users/${bob.id}/follow`, { token })).body).toEqual({ userId: bob.id, following: true });
    expect((await rest('GET', `/users/${bob.id}/follow`, { token })).body).toEqual({ userId: bob.id, following: true });
    expect((await rest('GET', `/users/${bob.id}/follow`)).status).toBe(401);
    // (The home and public timelines' paths under /api/v1 are Mastodon's: see mastodon.test.ts.)
    const timeline = await rest('GET', `/users/${alice.id}/timeline?limit=1`, { token });
    expect(timeline.body).toEqual(await trpc(token).timeline.user.query({ userId: alice.id, limit: 1 }));
    expect(timeline.body.items[0].text).toBe('hello from Bob');
    const next = await rest('GET', `/users/${alice.id}/timeline?limit=1&cursor=${timeline.body.nextCursor}`, { token });
    expect(next.body.items.map((t: { text: string }) => t.text)).toEqual(['hello over REST']);
    expect((await rest('GET', `/tweets/${tweet.body.id}`)).body).toEqual(tweet.body);
    for (const [path, procedure] of [
      [`/users/${alice.id}/timeline`, () => trpc().timeline.user.query({ userId: alice.id })],
      [`/users/${alice.id}/tweets`, () => trpc().tweet.byAuthor.query({ userId: alice.id })],
      [`/users/${bob.id}/followers`, () => trpc().follow.followers.query({ userId: bob.id })],
      [`/users/${alice.id}/following`, () => trpc().follow.following.query({ userId: alice.id })],
      [`/users/${bob.id}`, () => trpc().user.byId.query({ userId: bob.id })],
    ] as const) {
      expect((await rest('GET', path)).body, path).toEqual(await procedure());
    }
    // Handles, profiles and discovery.
    const edited = await rest('PATCH', '/users/me', { token, body: { username: 'Alice_R', profile: 'new bio' } });
    expect(edited.body).toEqual(await trpc(token).user.me.query());
    expect(edited.body).toMatchObject({ username: 'Alice_R', profile: 'new bio' });
    const taken = await rest('PATCH', '/users/me', { token, body: { username: 'BOB' } });
    expect(taken).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT', fieldErrors: { username: ['This username is taken'] } } },
    });
    for (const [path, procedure] of [
      ['/users/by-username/alice_r', () => trpc().user.byUsername.query({ username: 'alice_r' })],
      ['/users/search?query=ali&limit=5', () => trpc().user.search.query({ query: 'ali', limit: 5 })],
      ['/users/me/suggestions?limit=5', () => trpc(token).user.suggestions.query({ limit: 5 })],
      [`/relationships?userIds=${bob.id}`, () => trpc(token).follow.relationships.query({ userIds: [bob.id] })],
      [
        `/relationships?userIds=${bob.id}&userIds=${alice.id}`,
        () => trpc(token).follow.relationships.query({ userIds: [bob.id, alice.id] }),
      ],
    ] as const) {
      expect((await rest('GET', path, { token })).body, path).toEqual(await procedure());
    }
    expect((await rest('GET', '/users/search?query=ali')).body.items.map((u: { id: number }) => u.id)).toEqual([
      alice.id,
    ]);
    expect((await rest('GET', `/relationships?userIds=${bob.id}`, { token })).body).toEqual([
      { userId: bob.id, following: true, followedBy: false },
    ]);
    expect((await rest('GET', '/users/by-username/nobody')).status).toBe(404);

    expect((await rest('DELETE', `/users/${bob.id}/follow`, { token })).body).toEqual({
      userId: bob.id,
      following: false,
    });

    expect((await rest('GET', `/users/${alice.id}/profile-picture`)).status).toBe(404);
    const form = new FormData();
    form.append('file', new File([new Uint8Array(await makeImage('png'))], 'face.png'));
    const upload = await rest('PUT', '/users/me/profile-picture', { token, body: form });
    expect(upload.status).toBe(200);
    expect((await rest('GET', `/users/${alice.id}/profile-picture`)).body.url).toBe(upload.body.profilePictureUrl);
    expect((await rest('DELETE', '/users/me/profile-picture', { token })).body).toEqual({ profilePictureUrl: null });

    expect((await rest('DELETE', `/tweets/${tweet.body.id}`, { token })).body).toEqual({ id: tweet.body.id });
    const changed = await rest('PUT', '/users/me/password', {
      token,
      body: { currentPassword: 'password123', newPassword: 'password456' },
    });
    expect(changed.status).toBe(200);
    expect((await rest('GET', '/users/me', { token })).status).toBe(401);
    const fresh = changed.body.accessToken as string;
    const second = (await rest('POST', '/sessions', { body: { email: 'alice@example.com', password: 'password456' } }))
      .body.accessToken as string;
    const ticket = await rest('POST', '/sessions/current/stream-tickets', { token: second });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toEqual({ ticket: expect.any(String), expiresIn: 60 });
    expect((await rest('DELETE', '/sessions/current', { token: second })).body).toEqual({ loggedOut: true });
    expect((await rest('GET', '/users/me', { token: second })).status).toBe(401);
    expect((await rest('DELETE', '/sessions', { token: fresh })).body).toEqual({ loggedOut: true });
    const last = (await rest('POST', '/sessions', { body: { email: 'alice@example.com', password: 'password456' } }))
      .body.accessToken as string;
    expect((await rest('DELETE', '/users/me', { token: last, body: { password: 'password456' } })).body).toEqual({
      deleted: true,
    });
    expect((await rest('GET', `/users/${alice.id}`)).status).toBe(404);
  });

  it('refuses with the status of the tRPC error and one error body', async () => {
    const { body: user } = await rest('POST', '/users', {
      body: { name: 'Carol', email: 'carol@example.com', password: 'password123' },
    });
    const { body: session } = await rest('POST', '/sessions', {
      body: { email: 'carol@example.com', password: 'password123' },
    });
    const token = session.accessToken as string;
    const { body: other } = await rest('POST', '/users', {
      body: { name: 'Dan', email: 'dan@example.com', password: 'password123' },
    });
    const danToken = (await rest('POST', '/sessions', { body: { email: 'dan@example.com', password: 'password123' } }))
      .body.accessToken as string;
    const { body: dansTweet } = await rest('POST', '/tweets', { token: danToken, body: { text: 'mine' } });

    const cases: [string, Promise<Answer>, number, string, string?][] = [
      ['no token', rest('POST', '/tweets', { body: { text: 'x' } }), 401, 'UNAUTHORIZED'],
      [
        'a tweet too long',
        rest('POST', '/tweets', { token, body: { text: 'x'.repeat(301) } }),
        400,
        'BAD_REQUEST',
        'text',
      ],
      ['an id that is no number', rest('GET', '/users/abc'), 400, 'BAD_REQUEST', 'userId'],
      ['an id too large', rest('GET', '/users/99999999999'), 400, 'BAD_REQUEST', 'userId'],
      ['a limit over 100', rest('GET', `/users/${user.id}/tweets?limit=101`), 400, 'BAD_REQUEST', 'limit'],
      ['a bad cursor', rest('GET', `/users/${user.id}/timeline?cursor=nope`, { token }), 400, 'BAD_REQUEST', 'cursor'],
      ['no such tweet', rest('GET', '/tweets/4000000'), 404, 'NOT_FOUND'],
      ['nobody', rest('GET', '/users/4000000'), 404, 'NOT_FOUND'],
      ["someone else's tweet", rest('DELETE', `/tweets/${dansTweet.id}`, { token }), 403, 'FORBIDDEN'],
      [
        'a taken email',
        rest('POST', '/users', { body: { name: 'C', email: 'carol@example.com', password: 'password123' } }),
        409,
        'CONFLICT',
      ],
      [
        'a wrong password',
        rest('POST', '/sessions', { body: { email: 'carol@example.com', password: 'wrong-password' } }),
        401,
        'UNAUTHORIZED',
      ],
      ['a route that does not exist', rest('GET', '/nothing'), 404, 'NOT_FOUND'],
      ['a method a route does not take', rest('POST', `/users/${other.id}`), 404, 'NOT_FOUND'],
    ];
    for (const [label, answer, status, code, field] of cases) {
      const { status: got, body } = await answer;
      expect(got, label).toBe(status);
      expect(body.error, label).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
      if (field) expect(body.error.fieldErrors, label).toHaveProperty(field);
    }
  });

  it('serves the committed document (regenerate it with `pnpm openapi`)', async () => {
    const served = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(served, 'apps/server/openapi.json is out of date: run pnpm openapi').toEqual(document);
  });

  it('has called every route of the table', () => {
    expect([...called].sort()).toEqual(v1Routes.map((r) => `${r.method} ${r.path}`).sort());
  });
});
