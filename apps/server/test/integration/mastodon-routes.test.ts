/**
 * Every route of Mastodon's API as declared (`mastodonRoutes`), against the real server: each is
 * served and held to its declared scope (no token: 401; a token without the scope: 403; one with
 * only that scope gets past both), and every answer is one the committed OpenAPI document describes
 * (`useMastodonServer`), which is the document served. Then what the routes add to the procedures:
 * discovery (host-meta, WebFinger), a status posted as multipart, a follow on `write:follows` alone,
 * no route and a full queue in Mastodon's shape.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { RequiredScope } from '@miniter/api';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import type { MastodonRoute } from '../../src/mastodon/calls.ts';
import { mastodonRoutes } from '../../src/mastodon/index.ts';
import { slowPost } from '../helpers.ts';
import { mastodonUsers, useMastodonServer } from '../mastodon-users.ts';
import { openApiChecker } from '../openapi-check.ts';

const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

describe.each(testDialects())('every Mastodon route on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  // The live hub on: the event streams open.
  const server = useMastodonServer(() => db().orm, { liveLimits: {} });
  const { trpc, signUp } = mastodonUsers(() => server.url);

  /** An OAuth token of exactly `scope` for the person signed in with `jwt`, as an application gets one. */
  async function oauthToken(jwt: string, scope: string) {
    const registered = await fetch(`${server.url}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Scopes', redirect_uris: outOfBand, scopes: 'read write follow profile' }),
    });
    const app = (await registered.json()) as { client_id: string; client_secret: string };
    const { code } = await trpc(jwt).oauth.authorize.mutate({ clientId: app.client_id, redirectUri: outOfBand, scope });
    const token = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', ...app, redirect_uri: outOfBand, code }),
    });
    return ((await token.json()) as { access_token: string }).access_token;
  }

  it('serves each route, holding it to its declared scope', { timeout: 60_000 }, async () => {
    const me = await signUp('Me', 'me');
    const other = await signUp('Other', 'other');
    const scopes = [...new Set(mastodonRoutes.flatMap((route) => route.scope ?? []))];
    const tokens = new Map<RequiredScope, string>();
    for (const scope of scopes) tokens.set(scope, await oauthToken(me.token, scope));
    // A scope none of the routes takes.
    const unrelated = await oauthToken(me.token, 'write:reports');

    /** The route called with no parameters: an id is the other account's, or a new status of mine. */
    async function call(route: MastodonRoute, token?: string) {
      const id = route.path.startsWith('/api/v1/statuses/')
        ? (await trpc(me.token).tweet.create.mutate({ text: 'to be read or deleted' })).id
        : other.user.id;
      const stream = new AbortController();
      const res = await fetch(`${server.url}${route.path.replace(':id', String(id))}`, {
        method: route.method.toUpperCase(),
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: stream.signal,
      });
      // An event stream that opened goes on: its answer is its status.
      const text = route.media === 'text/event-stream' && res.ok ? '' : await res.text();
      stream.abort();
      return { status: res.status, text };
    }

    for (const route of mastodonRoutes) {
      const shown = `${route.method.toUpperCase()} ${route.path}`;
      const anonymous = await call(route);
      expect(anonymous.text, `${shown} is served`).not.toMatch(/No route for/);
      if (route.scope) {
        expect(anonymous.status, `${shown} without a token`).toBe(401);
        expect((await call(route, unrelated)).status, `${shown} without ${route.scope}`).toBe(403);
        const allowed = await call(route, tokens.get(route.scope));
        expect([401, 403], `${shown} with ${route.scope} alone: ${allowed.text}`).not.toContain(allowed.status);
      } else if (!route.statuses?.includes(401)) {
        expect([401, 403], `${shown} is public`).not.toContain(anonymous.status);
      }
    }
  });

  it('serves the committed document (regenerate it with `pnpm openapi`)', async () => {
    const served = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(served, 'apps/server/openapi.json is out of date: run pnpm openapi').toEqual(openApiChecker().document);
  });

  it('points WebFinger at local accounts, from host-meta', async () => {
    await signUp('Song Kim', 'Song');
    const host = new URL(server.url).host;
    const meta = await fetch(`${server.url}/.well-known/host-meta`);
    expect(meta.headers.get('content-type')).toMatch(/^application\/xrd\+xml/);
    expect(await meta.text()).toContain(
      `<Link rel="lrdd" template="${server.url}/.well-known/webfinger?resource={uri}"/>`,
    );

    const finger = (resource: string) =>
      fetch(`${server.url}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`);
    const found = await finger(`acct:song@${host}`);
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toMatch(/^application\/jrd\+json/);
    expect(await found.json()).toEqual({
      subject: `acct:Song@${host}`,
      aliases: [`${server.url}/@Song`],
      links: [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: `${server.url}/@Song` }],
    });
    // Its host without the port is this server too; the handle in any case.
    expect((await finger(`acct:SONG@${new URL(server.url).hostname}`)).status).toBe(200);
    for (const nobody of [`acct:nobody@${host}`, 'acct:song@elsewhere.example', '']) {
      const refused = await finger(nobody);
      expect([nobody, refused.status, await refused.json()]).toEqual([nobody, 404, { error: 'Record not found' }]);
    }
    expect((await fetch(`${server.url}/.well-known/webfinger`)).status).toBe(404);
  });

  it('posts a status sent as multipart/form-data, as JSON and as a form', async () => {
    const alice = await signUp('Alice', 'alice');
    const post = (body: FormData | URLSearchParams | string, type?: string) =>
      fetch(`${server.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}`, ...(type ? { 'content-type': type } : {}) },
        body,
      });
    const form = new FormData();
    form.set('status', '여러 부분 🌏');
    form.set('visibility', 'public');
    form.append('media_ids[]', '');
    const multipart = await post(form);
    expect(multipart.status).toBe(200);
    expect(await multipart.json()).toMatchObject({ content: '<p>여러 부분 🌏</p>', visibility: 'public' });
    const content = async (res: Promise<Response>) => ((await (await res).json()) as { content: string }).content;
    expect(await content(post(JSON.stringify({ status: 'as JSON', media_ids: [] }), 'application/json'))).toBe(
      '<p>as JSON</p>',
    );
    expect(await content(post(new URLSearchParams({ status: 'as a form' })))).toBe('<p>as a form</p>');

    const tooLong = new FormData();
    tooLong.set('status', 'x'.repeat(1000));
    const refused = await post(tooLong);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ details: { status: [{ error: 'ERR_TOO_LONG' }] } });
    const direct = new FormData();
    direct.set('status', 'psst');
    direct.set('visibility', 'direct');
    expect((await post(direct)).status).toBe(422);
    expect((await trpc().tweet.byAuthor.query({ userId: alice.user.id })).items).toHaveLength(3);
  });

  it('follows and unfollows on write:follows alone, or follow, answering the whole Relationship', async () => {
    const alice = await signUp('Alice', 'alice');
    const bob = await signUp('Bob', 'bob');
    await trpc(bob.token).follow.follow.mutate({ userId: alice.user.id });
    for (const scope of ['write:follows', 'follow']) {
      const token = await oauthToken(alice.token, scope);
      const change = async (action: 'follow' | 'unfollow') => {
        const res = await fetch(`${server.url}/api/v1/accounts/${bob.user.id}/${action}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        return { status: res.status, body: await res.json() };
      };
      const followed = await change('follow');
      expect(followed).toMatchObject({
        status: 200,
        body: { id: String(bob.user.id), following: true, followed_by: true, showing_reblogs: true, note: '' },
      });
      expect((await change('unfollow')).body).toMatchObject({ following: false, followed_by: true });
      // What it may not do: read the relationships.
      const read = await fetch(`${server.url}/api/v1/accounts/relationships?id[]=${bob.user.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(scope === 'follow' ? 200 : 403);
    }
  });

  it('answers a path or method no route takes with a 404 in Mastodon’s shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing'],
      ['GET', '/api/v2/nothing/here'],
      ['POST', '/api/v1/accounts/1'],
      ['DELETE', '/api/v1/timelines/home'],
      ['GET', '/.well-known/nothing'],
    ]) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect([path, res.status, await res.json()]).toEqual([path, 404, { error: `No route for ${method} ${path}` }]);
    }
    // An id too large for one names nobody.
    expect((await fetch(`${server.url}/api/v1/accounts/99999999999999999999`)).status).toBe(404);
  });
});

describe('more Mastodon requests than the server works on at once', () => {
  const db = useTestDatabase('sqlite');
  const server = useMastodonServer(() => db().orm, { admission: { concurrency: 1, queue: 1 } });

  it('turns away the one past the queue with 503 in Mastodon’s shape, then serves the queued one', async () => {
    // Holds the only slot: its body is still on the way.
    const holder = await slowPost(
      server.url,
      '/api/v1/apps',
      JSON.stringify({ client_name: 'Slow', redirect_uris: outOfBand }),
    );
    const queued = fetch(`${server.url}/api/v1/instance`);
    await delay(200);

    const refused = await fetch(`${server.url}/api/v1/timelines/public`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ error: 'The server is busy: try again shortly' });

    expect(await holder.finish()).toMatch(/^HTTP\/1\.1 200/);
    expect((await queued).status).toBe(200);
  });
});
