import type { MediaStorage } from '@miniter/api';
import { type AppRouter, createMiniterClient, type TRPCClientError } from '@miniter/api/client';
import { makeDecompressionBomb, makeImage, startTestS3, type TestImageFormat, type TestS3 } from '@miniter/api/testing';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMedia, testUploads, useHttpServer } from '../helpers.ts';

const drivers = ['local', 's3'] as const;

describe.each(testDialects().flatMap((dialect) => drivers.map((driver) => [dialect, driver] as const)))(
  'profile pictures on %s with %s storage',
  (dialect, driver) => {
    let s3: TestS3 | undefined;
    beforeAll(async () => {
      if (driver === 's3') s3 = await startTestS3();
    });
    afterAll(() => s3?.close());

    const db = useTestDatabase(dialect);
    const server = useHttpServer(() => db().orm, {
      media: (url): MediaStorage => (s3 ? s3.storage : localMedia(url)),
    });

    async function signedIn(name: string) {
      const anonymous = createMiniterClient({ url: `${server.url}/trpc` });
      const email = `${name}@example.com`;
      const user = await anonymous.auth.signUp.mutate({ name, email, password: 'password123' });
      const { accessToken } = await anonymous.auth.login.mutate({ email, password: 'password123' });
      return { user, token: accessToken, api: createMiniterClient({ url: `${server.url}/trpc`, token: accessToken }) };
    }

    const form = (bytes: Buffer, name = 'face.png', field = 'file') => {
      const data = new FormData();
      data.append(field, new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return data;
    };

    const statusOf = (call: Promise<unknown>) =>
      call.then(
        () => 200,
        (e: TRPCClientError<AppRouter>) => e.data?.httpStatus,
      );

    /** Fetches a picture URL and reads what the client would get. */
    async function fetchPicture(url: string) {
      const res = await fetch(url);
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = res.ok ? await sharp(bytes).metadata() : undefined;
      return { status: res.status, type: res.headers.get('content-type'), meta };
    }

    it.each(['png', 'jpeg', 'webp', 'gif'] as TestImageFormat[])(
      'accepts %s through the typed client and serves a clean 400×400 WebP',
      async (format) => {
        const { api, user } = await signedIn(`${format}-user`);
        const { profilePictureUrl } = await api.user.uploadProfilePicture.mutate(
          form(await makeImage(format, 900, 600), `me.${format}`),
        );
        const picture = await fetchPicture(profilePictureUrl);
        expect(picture.status).toBe(200);
        expect(picture.type).toBe('image/webp');
        expect(picture.meta).toMatchObject({ format: 'webp', width: 400, height: 400 });
        expect(picture.meta?.exif).toBeUndefined();

        const urls = await api.user.profilePicture.query({ userId: user.id });
        expect(urls.url).toBe(profilePictureUrl);
        expect((await fetchPicture(urls.thumbnailUrl)).meta).toMatchObject({ width: 96, height: 96 });
      },
    );

    it('shows the picture everywhere the user appears, and removes it', async () => {
      const alice = await signedIn('alice');
      const { profilePictureUrl } = await alice.api.user.uploadProfilePicture.mutate(form(await makeImage('jpeg')));
      await alice.api.tweet.create.mutate({ text: 'new face' });
      const [byId, me, home] = await Promise.all([
        alice.api.user.byId.query({ userId: alice.user.id }),
        alice.api.user.me.query(),
        alice.api.timeline.home.query({}),
      ]);
      expect(byId.profilePictureUrl).toBe(profilePictureUrl);
      expect(me.profilePictureUrl).toBe(profilePictureUrl);
      expect(home.items[0]?.author.profilePictureUrl).toBe(profilePictureUrl);

      expect(await alice.api.user.removeProfilePicture.mutate()).toEqual({ profilePictureUrl: null });
      expect((await fetchPicture(profilePictureUrl)).status).toBe(404);
      expect((await alice.api.user.byId.query({ userId: alice.user.id })).profilePictureUrl).toBeNull();
      expect(await statusOf(alice.api.user.profilePicture.query({ userId: alice.user.id }))).toBe(404);
    });

    it('refuses bad uploads with the right status, and keeps the previous picture', async () => {
      const bob = await signedIn('bob');
      const { profilePictureUrl } = await bob.api.user.uploadProfilePicture.mutate(form(await makeImage('png')));
      const anonymous = createMiniterClient({ url: `${server.url}/trpc` });
      const [png, noisyPng] = [await makeImage('png'), await makeImage('png', 400, 400, true)];
      const upload =
        (data: FormData, client = bob.api) =>
        () =>
          client.user.uploadProfilePicture.mutate(data);

      // Thunks: each call starts only when the loop awaits it.
      const attempts: [string, () => Promise<unknown>, number][] = [
        ['text named .png', upload(form(Buffer.from('not an image'), 'face.png')), 415],
        ['PNG over the limit', upload(form(noisyPng)), 413],
        ['decompression bomb', upload(form(makeDecompressionBomb())), 400],
        ['empty file', upload(form(Buffer.alloc(0))), 400],
        ['missing field', upload(form(png, 'face.png', 'picture')), 400],
        ['no token', upload(form(png), anonymous), 401],
      ];
      for (const [what, call, status] of attempts) {
        expect([what, await statusOf(call())]).toEqual([what, status]);
      }
      const unsupported = await bob.api.user.uploadProfilePicture
        .mutate(form(Buffer.from('GIF? no: plain text')))
        .catch((e: Error) => e.message);
      expect(unsupported).toBe('Upload a PNG, JPEG, WebP or GIF image');

      expect((await bob.api.user.byId.query({ userId: bob.user.id })).profilePictureUrl).toBe(profilePictureUrl);
      expect((await fetchPicture(profilePictureUrl)).status).toBe(200);
    });

    it('cuts off a body far over the limit while it streams in', async () => {
      const carol = await signedIn('carol');
      const huge = new FormData();
      huge.append('file', new File([new Uint8Array(testUploads.maxBytes * 8)], 'huge.png'));
      const res = await fetch(`${server.url}/trpc/user.uploadProfilePicture`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carol.token}` },
        body: huge,
      });
      expect(res.status).toBe(413);
    });

    it('gives two users who upload the same file name different objects', async () => {
      const [dan, eve] = await Promise.all([signedIn('dan'), signedIn('eve')]);
      const same = await makeImage('png');
      const a = await dan.api.user.uploadProfilePicture.mutate(form(same, 'profile.png'));
      const b = await eve.api.user.uploadProfilePicture.mutate(form(same, 'profile.png'));
      expect(a.profilePictureUrl).not.toBe(b.profilePictureUrl);
      expect(a.profilePictureUrl).not.toContain('profile.png');
      await dan.api.user.removeProfilePicture.mutate();
      expect((await fetchPicture(b.profilePictureUrl)).status).toBe(200);
    });

    if (driver === 'local') {
      it('serves /media with long cache headers, no listings and no way out of its folder', async () => {
        const frank = await signedIn('frank');
        const { profilePictureUrl } = await frank.api.user.uploadProfilePicture.mutate(form(await makeImage('png')));
        const res = await fetch(profilePictureUrl);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        const folder = profilePictureUrl.slice(0, profilePictureUrl.lastIndexOf('/') + 1);
        for (const path of [folder, `${server.url}/media/`, `${server.url}/media/avatars`]) {
          expect((await fetch(path)).status).toBe(404);
        }
        for (const path of [
          '/media/../package.json',
          '/media/%2e%2e/%2e%2e/package.json',
          '/media/..%2fpackage.json',
        ]) {
          const escaped = await fetch(`${server.url}${path}`);
          expect(escaped.status).toBeGreaterThanOrEqual(400);
          expect(await escaped.text()).not.toContain('"name"');
        }
      });
    }
  },
);
