/**
 * Handles through the real server's entry points: the book's sign-up (which has no handle field)
 * derives one and still answers in the book's shape; the typed client signs up with one, finds the
 * account by it, and reads it beside every tweet, also on the live stream.
 */
import { createMiniterClient } from '@miniter/api/client';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

describe.each(testDialects())('handles over HTTP on %s', (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);

  it("the book's sign-up derives a handle and answers in the book's shape", async () => {
    const signUp = (email: string) =>
      fetch(`${server.url}/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Song', email, password: 'password123', profile: 'hi' }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id: number } }));
    const first = await signUp('song.e+book@example.com');
    expect(first).toEqual({
      status: 200,
      body: { id: expect.any(Number), name: 'Song', email: 'song.e+book@example.com', profile: 'hi' },
    });
    const second = await signUp('Song.E+Book@other.example');
    const api = createMiniterClient({ url: `${server.url}/trpc` });
    expect((await api.user.byId.query({ userId: first.body.id })).username).toBe('song_e_book');
    expect((await api.user.byId.query({ userId: second.body.id })).username).toBe('song_e_book2');
    expect((await api.user.byUsername.query({ username: 'SONG_E_BOOK2' })).id).toBe(second.body.id);
  });

  it('the typed client signs up with a handle and sees it on tweets and people lists', async () => {
    const anon = createMiniterClient({ url: `${server.url}/trpc` });
    const me = await anon.auth.signUp.mutate({
      name: 'Kim',
      username: 'Kim_Dev',
      email: 'kim@example.com',
      password: 'password123',
    });
    expect(me.username).toBe('Kim_Dev');
    const refused = await anon.auth.signUp
      .mutate({ name: 'Other', username: 'kim_dev', email: 'other@example.com', password: 'password123' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      data: {
        code: 'CONFLICT',
        httpStatus: 409,
        zodError: { fieldErrors: { username: ['This username is taken'] } },
        issues: [{ path: ['username'], code: 'username_taken' }],
      },
    });
    const { accessToken } = await anon.auth.login.mutate({ email: 'kim@example.com', password: 'password123' });
    const api = createMiniterClient({ url: `${server.url}/trpc`, token: accessToken });
    await api.tweet.create.mutate({ text: 'hello' });
    const [tweet] = (await anon.timeline.public.query({})).items;
    expect(tweet?.author).toEqual({ id: me.id, name: 'Kim', username: 'Kim_Dev', profilePictureUrl: null });
    expect((await anon.user.search.query({ query: '@kim_d' })).items.map((u) => u.username)).toEqual(['Kim_Dev']);
  });

  it('refusals carry issues a client can word in its own language', async () => {
    const anon = createMiniterClient({ url: `${server.url}/trpc` });
    const refused = await anon.auth.signUp
      .mutate({ name: ' ', username: 'admin', email: 'nope', password: 'short' })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['name'], code: 'too_short', params: { min: 1 } }),
          expect.objectContaining({ path: ['username'], code: 'reserved_username' }),
          expect.objectContaining({
            path: ['email'],
            code: 'invalid_format',
            params: expect.objectContaining({ format: 'email' }),
          }),
          expect.objectContaining({ path: ['password'], code: 'too_short', params: { min: 8 } }),
        ]),
      },
    });
  });
});
