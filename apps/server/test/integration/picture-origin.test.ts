/**
 * Where picture URLs point. Without PUBLIC_URL, local pictures are linked at the origin a request
 * came to: a page opened at http://localhost:PORT allows pictures from its own origin only (its CSP's
 * `img-src 'self'`), so its answers must not name the listen address, 127.0.0.1. PUBLIC_URL, when
 * set, wins; S3's URLs are the bucket's wherever the request came from.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMiniterClient } from '@miniter/api/client';
import { makeImage, startTestS3, type TestS3 } from '@miniter/api/testing';
import { useTestDatabase } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createMediaStorage } from '../../src/media.ts';
import { useHttpServer } from '../helpers.ts';
import { openLiveStream } from '../live-stream.ts';

/** The picture store `pnpm start` makes from these settings. */
const mediaFrom =
  (env: Record<string, string> = {}) =>
  (serverUrl: string) =>
    createMediaStorage(
      loadConfig({ JWT_SECRET: 'x'.repeat(32), MEDIA_DIR: mkdtempSync(join(tmpdir(), 'miniter-media-')), ...env }),
      serverUrl,
    );

/** The same server, reached by another of its names. */
const atLocalhost = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

const picture = async () => {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(await makeImage('png'))], 'me.png', { type: 'image/png' }));
  return form;
};

let users = 0;
/** A new user with a picture, signed in at `baseUrl`. */
async function withPicture(baseUrl: string) {
  const name = `origin${++users}`;
  const anonymous = createMiniterClient({ url: `${baseUrl}/trpc` });
  const { id } = await anonymous.auth.signUp.mutate({ name, email: `${name}@example.com`, password: 'password123' });
  const { accessToken: token } = await anonymous.auth.login.mutate({
    email: `${name}@example.com`,
    password: 'password123',
  });
  const api = createMiniterClient({ url: `${baseUrl}/trpc`, token });
  const { profilePictureUrl } = await api.user.uploadProfilePicture.mutate(await picture());
  return { id, token, api, profilePictureUrl };
}

const pictureUrlAt = async (baseUrl: string, userId: number, headers: Record<string, string> = {}) => {
  const res = await fetch(`${baseUrl}/trpc/user.byId?input=${encodeURIComponent(JSON.stringify({ userId }))}`, {
    headers,
  });
  return ((await res.json()) as { result: { data: { profilePictureUrl: string } } }).result.data.profilePictureUrl;
};

describe('picture URLs without PUBLIC_URL', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { media: mediaFrom(), liveLimits: { pollMs: 100 } });
  const behindProxy = useHttpServer(() => db().orm, { media: mediaFrom(), trustProxy: true });

  it('are at the origin the request came to, in tRPC’s answers and the book’s', async () => {
    const local = atLocalhost(server.url);
    const alice = await withPicture(server.url);
    const key = new URL(alice.profilePictureUrl).pathname;
    expect(alice.profilePictureUrl).toBe(`${server.url}${key}`);

    const byId = await createMiniterClient({ url: `${local}/trpc` }).user.byId.query({ userId: alice.id });
    expect(byId.profilePictureUrl).toBe(`${local}${key}`);
    expect(await pictureUrlAt(server.url, alice.id)).toBe(`${server.url}${key}`);
    const atTheBook = await fetch(`${local}/profile-picture/${alice.id}`);
    expect(await atTheBook.json()).toEqual({ img_url: `${local}${key}` });

    // The page's own origin serves it.
    const served = await fetch(`${local}${key}`);
    expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });

  it('are at the origin a live stream was opened at, each stream its own', async () => {
    const local = atLocalhost(server.url);
    const [author, reader] = [await withPicture(server.url), await withPicture(server.url)];
    await reader.api.follow.follow.mutate({ userId: author.id });
    const streams = await Promise.all([local, server.url, local].map((base) => openLiveStream(base, reader.token)));
    await Promise.all(streams.map((stream) => stream.waitFor(0)));
    await author.api.tweet.create.mutate({ text: 'seen from two origins' });

    const key = new URL(author.profilePictureUrl).pathname;
    const urls = await Promise.all(
      streams.map(async (stream) => {
        const [event] = await stream.waitFor(1);
        const data = event?.data as { tweet?: { author: { profilePictureUrl: string } } } | undefined;
        return data?.tweet?.author.profilePictureUrl;
      }),
    );
    for (const stream of streams) stream.close();
    expect(urls).toEqual([`${local}${key}`, `${server.url}${key}`, `${local}${key}`]);
  });

  it('follow a trusted proxy’s X-Forwarded-Proto and -Host, and only a trusted one’s', async () => {
    const alice = await withPicture(server.url);
    const key = new URL(alice.profilePictureUrl).pathname;
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'miniter.example' };
    expect(await pictureUrlAt(behindProxy.url, alice.id, forwarded)).toBe(`https://miniter.example${key}`);
    expect(await pictureUrlAt(server.url, alice.id, forwarded)).toBe(`${server.url}${key}`);
  });

  it('stay at the listen address for a host that is not one', async () => {
    const alice = await withPicture(server.url);
    const key = new URL(alice.profilePictureUrl).pathname;
    for (const host of ['user@evil.example', 'evil.example/path', 'a b']) {
      const url = await pictureUrlAt(behindProxy.url, alice.id, { 'x-forwarded-host': host });
      expect(url, host).toBe(`${behindProxy.url}${key}`);
    }
  });
});

describe('picture URLs with PUBLIC_URL', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { media: mediaFrom({ PUBLIC_URL: 'https://miniter.example/' }) });

  it('are at PUBLIC_URL whatever origin the request came to', async () => {
    const alice = await withPicture(server.url);
    const key = new URL(alice.profilePictureUrl).pathname;
    expect(alice.profilePictureUrl).toBe(`https://miniter.example${key}`);
    expect(await pictureUrlAt(atLocalhost(server.url), alice.id)).toBe(`https://miniter.example${key}`);
  });
});

describe('picture URLs on S3', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3.close());
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { media: () => s3.storage });

  it('are the bucket’s whatever origin the request came to', async () => {
    const alice = await withPicture(server.url);
    expect(alice.profilePictureUrl.startsWith(`${s3.endpoint}/${s3.bucket}/`)).toBe(true);
    expect(await pictureUrlAt(atLocalhost(server.url), alice.id)).toBe(alice.profilePictureUrl);
    expect((await fetch(alice.profilePictureUrl)).status).toBe(200);
  });
});
