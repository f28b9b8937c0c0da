/**
 * The book's endpoints, driven as the book's clients drive them: its own view tests
 * (chapter 11's test/test_view.py: ping, login, unauthorized, tweet, follow, unfollow, profile
 * picture) as HTTP tests against the real server, with the same assertions on status and body;
 * users come from /sign-up rather than SQL, and the picture is a real image. Then what Miniter adds:
 * typed JSON errors, paged timelines, `Bearer` tokens.
 */
import { makeImage } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';
import { openApiChecker } from '../openapi-check.ts';

interface Timeline {
  user_id: number;
  timeline: { user_id: number; tweet: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; requestId: string; fieldErrors?: Record<string, string[]> };
}

describe.each(testDialects())("the book's endpoints on %s", (dialect) => {
  const db = useTestDatabase(dialect);
  const server = useHttpServer(() => db().orm);
  let users = 0;
  const { check } = openApiChecker();

  /** fetch, with every answer of a documented operation checked against the OpenAPI document. */
  async function fetch(url: string, init: RequestInit = {}) {
    const res = await globalThis.fetch(url, init);
    const text = await res.clone().text();
    const { pathname, search } = new URL(url);
    check(init.method ?? 'GET', pathname + search, {
      status: res.status,
      contentType: res.headers.get('content-type'),
      text,
    });
    return res;
  }

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
      body: JSON.stringify(body),
    });
  const getJson = async <T = Timeline>(path: string, token?: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: token } : {} });
    return { status: res.status, body: (await res.json()) as T, link: res.headers.get('link') };
  };
  const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

  /** The book's two users, the second with its "Hello World!" tweet; the first signed in. */
  async function setup() {
    const n = ++users;
    const signUp = async (name: string, email: string) => {
      const res = await post('/sign-up', { name, email, password: 'test password', profile: 'test profile' });
      expect(res.status).toBe(200);
      const user = (await res.json()) as { id: number };
      expect(user).toEqual({ id: expect.any(Number), name, email, profile: 'test profile' });
      return user.id;
    };
    const login = async (email: string) => {
      const res = await post('/login', { email, password: 'test password' });
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const first = await signUp('송은우', `songew${n}@gmail.com`);
    const second = await signUp('김철수', `tet${n}@gmail.com`);
    expect((await post('/tweet', { tweet: 'Hello World!' }, await login(`tet${n}@gmail.com`))).status).toBe(200);
    return { first, second, token: await login(`songew${n}@gmail.com`) };
  }

  it('test_ping', async () => {
    const res = await fetch(`${server.url}/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('pong');
  });

  it('test_login', async () => {
    const { first } = await setup();
    const res = await post('/login', { email: `songew${users}@gmail.com`, password: 'test password' });
    const body = (await res.json()) as { user_id: number; access_token: string };
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.user_id).toBe(first);
  });

  it('test_unauthorized', async () => {
    expect((await post('/tweet', { tweet: 'Hello World!' })).status).toBe(401);
    expect((await post('/follow', { follow: 2 })).status).toBe(401);
    expect((await post('/unfollow', { unfollow: 2 })).status).toBe(401);
    const wrong = await post('/login', { email: 'nobody@example.com', password: 'test password' });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({ code: 'UNAUTHORIZED', message: expect.any(String) });
  });

  it('checks the session before the body: 401 without a live one, 400 with one', async () => {
    const { token } = await setup();
    const login = await post('/login', { email: `songew${users}@gmail.com`, password: 'test password' });
    const ended = ((await login.json()) as { access_token: string }).access_token;
    const logout = await globalThis.fetch(`${server.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ended}` },
    });
    expect(logout.status).toBe(200);
    const badBodies: [string, unknown][] = [
      ['/tweet', { tweet: 'x'.repeat(301) }],
      ['/tweet', {}],
      ['/follow', { follow: 'two' }],
      ['/unfollow', { unfollow: -1 }],
      ['/unfollow', []],
    ];
    const callers: [string, string | undefined, number, string][] = [
      ['no token', undefined, 401, 'UNAUTHORIZED'],
      ['a token that is none', 'not-a-token', 401, 'UNAUTHORIZED'],
      ['an ended session', ended, 401, 'UNAUTHORIZED'],
      ['a live session', token, 400, 'BAD_REQUEST'],
    ];
    for (const [path, body] of badBodies) {
      for (const [who, authorization, status, code] of callers) {
        const res = await post(path, body, authorization);
        const label = `${path} ${JSON.stringify(body)} with ${who}`;
        expect([res.status, (await errorOf(res)).code], label).toEqual([status, code]);
      }
    }
  });

  it('test_tweet', async () => {
    const { first, token } = await setup();
    expect((await post('/tweet', { tweet: 'Hello World!' }, token)).status).toBe(200);
    expect(await getJson(`/timeline/${first}`)).toMatchObject({
      status: 200,
      body: { user_id: first, timeline: [{ user_id: first, tweet: 'Hello World!' }] },
    });
  });

  it('test_follow', async () => {
    const { first, second, token } = await setup();
    expect((await getJson(`/timeline/${first}`)).body).toEqual({ user_id: first, timeline: [] });
    expect((await post('/follow', { follow: second }, token)).status).toBe(200);
    expect((await getJson(`/timeline/${first}`)).body).toEqual({
      user_id: first,
      timeline: [{ user_id: second, tweet: 'Hello World!' }],
    });
  });

  it('test_unfollow', async () => {
    const { first, second, token } = await setup();
    expect((await post('/follow', { follow: second }, token)).status).toBe(200);
    expect((await getJson(`/timeline/${first}`)).body).toEqual({
      user_id: first,
      timeline: [{ user_id: second, tweet: 'Hello World!' }],
    });
    expect((await post('/unfollow', { unfollow: second }, token)).status).toBe(200);
    expect((await getJson(`/timeline/${first}`)).body).toEqual({ user_id: first, timeline: [] });
  });

  it('test_save_and_get_profile_picture', async () => {
    const { first, token } = await setup();
    expect((await getJson(`/profile-picture/${first}`)).status).toBe(404);
    const form = new FormData();
    form.append('profile_pic', new File([new Uint8Array(await makeImage('png'))], 'profile.png'));
    const upload = await fetch(`${server.url}/profile-picture`, {
      method: 'POST',
      headers: { authorization: token },
      body: form,
    });
    expect(upload.status).toBe(200);
    const { status, body } = await getJson<{ img_url: string }>(`/profile-picture/${first}`);
    expect(status).toBe(200);
    const picture = await fetch(body.img_url);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\//);
  });

  it('refuses bad input with a typed 4xx and a JSON body naming the field, and stores nothing', async () => {
    const { first, token } = await setup();
    const cases: [string, Promise<Response>, number, string][] = [
      ['a tweet over 300 characters', post('/tweet', { tweet: 'x'.repeat(301) }, token), 400, 'tweet'],
      ['no tweet', post('/tweet', {}, token), 400, 'tweet'],
      ['a follow that is no id', post('/follow', { follow: 'two' }, token), 400, 'follow'],
      ['an unfollow that is no id', post('/unfollow', { unfollow: -1 }, token), 400, 'unfollow'],
      ['a sign-up without a password', post('/sign-up', { name: 'x', email: 'x@example.com' }), 400, 'password'],
    ];
    for (const [label, response, status, field] of cases) {
      const res = await response;
      expect(res.status, label).toBe(status);
      const error = await errorOf(res);
      expect(error.code, label).toBe('BAD_REQUEST');
      expect(error.fieldErrors, label).toHaveProperty(field);
      expect(error.message, label).toContain(field);
    }
    const notJson = await fetch(`${server.url}/tweet`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token },
      body: '{"tweet": ',
    });
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).code).toBe('BAD_REQUEST');
    expect((await getJson('/timeline/abc')).status).toBe(400);
    expect((await getJson(`/timeline/${first}?limit=101`)).status).toBe(400);
    const noFile = await fetch(`${server.url}/profile-picture`, {
      method: 'POST',
      headers: { authorization: token },
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    const huge = new FormData();
    huge.append('profile_pic', new File([new Uint8Array(512 * 1024)], 'huge.png'));
    const tooLarge = await fetch(`${server.url}/profile-picture`, {
      method: 'POST',
      headers: { authorization: token },
      body: huge,
    });
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe('PAYLOAD_TOO_LARGE');
    const tooBig = await fetch(`${server.url}/timeline/99999999999`);
    expect(tooBig.status).toBe(400);
    expect((await errorOf(tooBig)).fieldErrors).toHaveProperty('user_id');
    const unknown = await fetch(`${server.url}/ping`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND', message: 'No route for POST /ping' });
    expect((await getJson(`/timeline/${first}`)).body.timeline).toEqual([]);
  });

  it('pages a timeline newest first with a Link to the next page, and takes Bearer tokens too', async () => {
    const { first, token } = await setup();
    for (let i = 1; i <= 25; i++) {
      expect((await post('/tweet', { tweet: `tweet ${i}` }, `Bearer ${token}`)).status).toBe(200);
    }
    const page = await getJson(`/timeline/${first}`);
    expect(page.body.timeline.map((t) => t.tweet)).toEqual(Array.from({ length: 20 }, (_, i) => `tweet ${25 - i}`));
    const next = /^<([^>]+)>; rel="next"$/.exec(page.link ?? '')?.[1];
    expect(next).toMatch(new RegExp(`^/timeline/${first}\\?limit=20&cursor=`));
    const rest = await getJson(next as string);
    expect(rest.body.timeline.map((t) => t.tweet)).toEqual(Array.from({ length: 5 }, (_, i) => `tweet ${5 - i}`));
    expect(rest.link).toBeNull();
    const own = await getJson('/timeline?limit=2', token);
    expect(own.body).toEqual({
      user_id: first,
      timeline: [
        { user_id: first, tweet: 'tweet 25' },
        { user_id: first, tweet: 'tweet 24' },
      ],
    });
    expect(own.link).toMatch(/^<\/timeline\?limit=2&cursor=[^>]+>; rel="next"$/);
  });
});
