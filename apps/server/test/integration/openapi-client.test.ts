/**
 * A REST client generated from the committed OpenAPI document (openapi-typescript's types, driven
 * with openapi-fetch) against the real server, through Mastodon's API: an application registers and
 * gets its own token, signs up two accounts, which post, follow, read and page their home timeline
 * by `Link`, change a profile picture, delete and revoke. `tsc` checks this file against the
 * generated types, so a document that drifts from the code breaks the build; the types themselves
 * must be what the document makes (`pnpm openapi` writes both).
 */
import { readFileSync } from 'node:fs';
import { makeImage } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../openapi.js';
import { openApiDocument } from '../../src/rest/openapi.ts';
import { committedOpenApiTypesPath, openApiTypes } from '../../src/rest/write-openapi.ts';
import { useMastodonServer } from '../mastodon-users.ts';

describe('the generated types', () => {
  it('are what the document makes (regenerate with `pnpm openapi`)', async () => {
    const committed = readFileSync(committedOpenApiTypesPath, 'utf8');
    expect(committed, 'apps/server/openapi.d.ts is out of date: run pnpm openapi').toBe(
      await openApiTypes(openApiDocument()),
    );
  });
});

/** The `max_id` of a `Link` header's next page, if it has one. */
const nextMaxId = (link: string | null) => {
  const next = /<([^>]+)>; rel="next"/.exec(link ?? '')?.[1];
  return next ? (new URL(next).searchParams.get('max_id') ?? undefined) : undefined;
};

describe.each(testDialects())('a client generated from the document, on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useMastodonServer(() => db().orm);

  it('drives a whole session through Mastodon’s API', async () => {
    const anonymous = createClient<paths>({ baseUrl: server.url });
    const signedIn = (token: string) =>
      createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${token}` } });

    const { data: app } = await anonymous.POST('/api/v1/apps', {
      body: { client_name: 'Typed', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write follow' },
    });
    if (!app) throw new Error('no application');
    const credentials = { client_id: app.client_id, client_secret: app.client_secret };
    const { data: appToken } = await anonymous.POST('/oauth/token', {
      body: { grant_type: 'client_credentials', ...credentials, scope: 'read write follow' },
    });
    const asApp = signedIn(appToken?.access_token ?? '');
    expect((await asApp.GET('/api/v1/apps/verify_credentials')).data?.name).toBe('Typed');

    const signUp = async (username: string) => {
      const { data } = await asApp.POST('/api/v1/accounts', {
        body: { username, email: `${username}@example.com`, password: 'password123' },
      });
      expect(data?.scope).toBe('read write follow');
      const api = signedIn(data?.access_token ?? '');
      const me = (await api.GET('/api/v1/accounts/verify_credentials')).data;
      return { api, id: me?.id ?? '', token: data?.access_token ?? '' };
    };
    const alice = await signUp('alice');
    const bob = await signUp('bob');

    const posted = await alice.api.POST('/api/v1/statuses', { body: { status: 'typed from the document' } });
    expect(posted.data?.account.username).toBe('alice');
    await bob.api.POST('/api/v1/statuses', { body: { status: 'from Bob' } });

    const follow = await alice.api.POST('/api/v1/accounts/{id}/follow', { params: { path: { id: bob.id } } });
    expect(follow.data).toMatchObject({ id: bob.id, following: true, followed_by: false });
    const relationships = await bob.api.GET('/api/v1/accounts/relationships', {
      params: { query: { 'id[]': [alice.id] } },
    });
    expect(relationships.data?.map((r) => [r.id, r.following, r.followed_by])).toEqual([[alice.id, false, true]]);

    // Home, a status at a time, to its end by `Link`.
    const texts: string[] = [];
    let maxId: string | undefined;
    do {
      const page = await alice.api.GET('/api/v1/timelines/home', { params: { query: { limit: 1, max_id: maxId } } });
      texts.push(...(page.data ?? []).map((s) => s.content));
      maxId = nextMaxId(page.response.headers.get('link'));
    } while (maxId);
    expect(texts).toEqual(['<p>from Bob</p>', '<p>typed from the document</p>']);
    const followers = await anonymous.GET('/api/v1/accounts/{id}/followers', { params: { path: { id: bob.id } } });
    expect(followers.data?.map((a) => a.acct)).toEqual(['alice']);

    const unfollow = await alice.api.POST('/api/v1/accounts/{id}/unfollow', { params: { path: { id: bob.id } } });
    expect(unfollow.data?.following).toBe(false);

    const picture = new FormData();
    picture.append('avatar', new File([new Uint8Array(await makeImage('jpeg'))], 'face.jpg'));
    const changed = await alice.api.PATCH('/api/v1/accounts/update_credentials', {
      // openapi-fetch sends FormData as it is when told not to serialize.
      body: picture as unknown as { avatar: string },
      bodySerializer: (body) => body as unknown as FormData,
    });
    expect(changed.data?.avatar).toMatch(/\.webp$/);
    const shown = await anonymous.GET('/api/v1/accounts/{id}', { params: { path: { id: alice.id } } });
    expect(shown.data).toMatchObject({ avatar: changed.data?.avatar, statuses_count: 1 });

    const id = posted.data?.id ?? '';
    const refused = await bob.api.DELETE('/api/v1/statuses/{id}', { params: { path: { id } } });
    expect([refused.response.status, refused.error?.error]).toEqual([403, 'This action is not allowed']);
    const deleted = await alice.api.DELETE('/api/v1/statuses/{id}', { params: { path: { id } } });
    expect(deleted.data?.text).toBe('typed from the document');
    const gone = await anonymous.GET('/api/v1/statuses/{id}', { params: { path: { id } } });
    expect([gone.response.status, gone.error?.error]).toEqual([404, 'Record not found']);

    await anonymous.POST('/oauth/revoke', { body: { ...credentials, token: alice.token } });
    const revoked = await alice.api.GET('/api/v1/accounts/verify_credentials');
    expect([revoked.response.status, revoked.error?.error]).toEqual([401, 'The access token is invalid']);
  });
});
