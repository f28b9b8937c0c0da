/**
 * A REST client generated from the committed OpenAPI document (openapi-typescript's types, driven
 * with openapi-fetch) against the real server: sign-up, login, tweet, follow, timelines, unfollow,
 * picture upload, account deletion. `tsc` checks this file against the generated types, so a
 * document that drifts from the code breaks the build; the types themselves must be what the
 * document makes (`pnpm openapi` writes both).
 */
import { readFileSync } from 'node:fs';
import { makeImage } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { paths } from '../../openapi.js';
import { openApiDocument } from '../../src/rest/openapi.ts';
import { committedOpenApiTypesPath, openApiTypes } from '../../src/rest/write-openapi.ts';
import { useHttpServer } from '../helpers.ts';

describe('the generated types', () => {
  it('are what the document makes (regenerate with `pnpm openapi`)', async () => {
    const committed = readFileSync(committedOpenApiTypesPath, 'utf8');
    expect(committed, 'apps/server/openapi.d.ts is out of date: run pnpm openapi').toBe(
      await openApiTypes(openApiDocument()),
    );
  });
});

describe.each(testDialects())('a client generated from the document, on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);

  it('drives a whole session', async () => {
    const anonymous = createClient<paths>({ baseUrl: server.url });
    const signUp = async (name: string, email: string) => {
      const { data, response } = await anonymous.POST('/api/v1/users', {
        body: { name, email, password: 'password123' },
      });
      expect(response.status).toBe(201);
      return data?.id as number;
    };
    const alice = await signUp('Alice', 'alice@example.com');
    const bob = await signUp('Bob', 'bob@example.com');
    const login = async (email: string, password = 'password123') =>
      (await anonymous.POST('/api/v1/sessions', { body: { email, password } })).data?.accessToken as string;
    const signedIn = (token: string) =>
      createClient<paths>({ baseUrl: server.url, headers: { authorization: `Bearer ${token}` } });
    const api = signedIn(await login('alice@example.com'));
    const bobApi = signedIn(await login('bob@example.com'));

    const tweet = await api.POST('/api/v1/tweets', { body: { text: 'typed from the document' } });
    expect(tweet.data?.author.id).toBe(alice);
    await bobApi.POST('/api/v1/tweets', { body: { text: 'from Bob' } });

    const follow = await api.PUT('/api/v1/users/{userId}/follow', { params: { path: { userId: bob } } });
    expect(follow.data).toEqual({ userId: bob, following: true });
    const home = await api.GET('/api/v1/users/{userId}/timeline', {
      params: { path: { userId: alice }, query: { limit: 1 } },
    });
    expect(home.data?.items.map((t) => t.text)).toEqual(['from Bob']);
    const older = await api.GET('/api/v1/users/{userId}/timeline', {
      params: { path: { userId: alice }, query: { limit: 1, cursor: home.data?.nextCursor ?? undefined } },
    });
    expect(older.data?.items.map((t) => t.text)).toEqual(['typed from the document']);
    const one = await anonymous.GET('/api/v1/tweets/{tweetId}', { params: { path: { tweetId: tweet.data?.id ?? 0 } } });
    expect(one.data).toEqual(tweet.data);
    const timeline = await anonymous.GET('/api/v1/users/{userId}/timeline', { params: { path: { userId: alice } } });
    expect(timeline.data?.items).toHaveLength(2);
    const followers = await anonymous.GET('/api/v1/users/{userId}/followers', { params: { path: { userId: bob } } });
    expect(followers.data?.items.map((u) => u.id)).toEqual([alice]);

    const unfollow = await api.DELETE('/api/v1/users/{userId}/follow', { params: { path: { userId: bob } } });
    expect(unfollow.data?.following).toBe(false);
    const timelineAfter = await api.GET('/api/v1/users/{userId}/timeline', { params: { path: { userId: alice } } });
    expect(timelineAfter.data?.items.map((t) => t.text)).toEqual(['typed from the document']);

    const picture = new FormData();
    picture.append('file', new File([new Uint8Array(await makeImage('jpeg'))], 'face.jpg'));
    const upload = await api.PUT('/api/v1/users/me/profile-picture', {
      // openapi-fetch sends FormData as it is when told not to serialize.
      body: picture as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    });
    expect(upload.response.status).toBe(200);
    const profile = await anonymous.GET('/api/v1/users/{userId}', { params: { path: { userId: alice } } });
    expect(profile.data).toMatchObject({ profilePictureUrl: upload.data?.profilePictureUrl, tweetCount: 1 });

    const refused = await api.DELETE('/api/v1/users/me', { body: { password: 'wrong-password' } });
    expect(refused.response.status).toBe(403);
    expect(refused.error?.error.code).toBe('FORBIDDEN');
    const deleted = await api.DELETE('/api/v1/users/me', { body: { password: 'password123' } });
    expect(deleted.data).toEqual({ deleted: true });
    const gone = await anonymous.GET('/api/v1/users/{userId}', { params: { path: { userId: alice } } });
    expect(gone.response.status).toBe(404);
    expect(gone.error?.error.message).toEqual(expect.any(String));
  });
});
