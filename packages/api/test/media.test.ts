import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectImageFormat, ImageRejected, processAvatar } from '../src/media/images.ts';
import type { LocalStorage } from '../src/media/local-storage.ts';
import type { MediaStorage } from '../src/media/storage.ts';
import { makeDecompressionBomb, makeImage, startTestS3, type TestS3 } from '../src/testing.ts';
import { testMedia } from './helpers.ts';

describe('image formats, by content', () => {
  it.each(['png', 'jpeg', 'webp', 'gif'] as const)('recognises %s from its magic bytes', async (format) => {
    expect(detectImageFormat(await makeImage(format, 8, 8))).toBe(format);
  });

  it.each([
    ['text', Buffer.from('hello, this is not a picture')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['empty', Buffer.alloc(0)],
    ['a PNG signature cut short', Buffer.from('\x89PNG', 'latin1')],
  ])('refuses %s', (_, bytes) => {
    expect(detectImageFormat(bytes)).toBeNull();
  });
});

describe('avatar processing', () => {
  it('crops square, re-encodes as WebP and drops every piece of metadata', async () => {
    const original = await makeImage('jpeg', 800, 600);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { variants, hash } = await processAvatar(original, 4_000_000);
    for (const [size, bytes] of variants) {
      const meta = await sharp(bytes).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: 'webp',
        width: size,
        height: size,
      });
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
    }
    expect([...variants.keys()]).toEqual([400, 96]);
    expect(hash).toMatch(/^[0-9a-f]{20}$/);
    expect((await processAvatar(original, 4_000_000)).hash).toBe(hash);
  });

  it('refuses a small file that claims 30000×30000 pixels, from its header', async () => {
    const bomb = makeDecompressionBomb();
    expect(bomb.length).toBeLessThan(100);
    await expect(processAvatar(bomb, 50_000_000)).rejects.toThrow(/too large: at most 50,000,000 pixels/);
  });

  it('refuses a truncated image', async () => {
    const png = await makeImage('png', 300, 300, true);
    await expect(processAvatar(png.subarray(0, png.length / 2), 4_000_000)).rejects.toBeInstanceOf(ImageRejected);
  });
});

describe.each(['local', 's3'] as const)('the %s storage driver', (driver) => {
  let storage: MediaStorage;
  let s3: TestS3 | undefined;

  beforeAll(async () => {
    if (driver === 's3') {
      s3 = await startTestS3();
      storage = s3.storage;
    } else {
      storage = testMedia();
    }
  });
  afterAll(() => s3?.close());

  it('stores, serves by URL and removes objects', async () => {
    const key = 'avatars/1/abc-400.webp';
    const body = await makeImage('webp', 4, 4);
    await storage.put(key, body, 'image/webp');
    const url = storage.url(key);
    expect(url).toMatch(
      driver === 's3'
        ? /^http:\/\/127\.0\.0\.1:\d+\/miniter-test\/avatars\/1\/abc-400\.webp$/
        : /\/media\/avatars\/1\/abc-400\.webp$/,
    );
    if (driver === 's3') {
      const res = await fetch(url);
      expect(res.headers.get('content-type')).toBe('image/webp');
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
    } else {
      expect(existsSync(join((storage as LocalStorage).directory, key))).toBe(true);
    }
    await storage.remove([key, 'avatars/1/never-stored.webp']);
    if (driver === 's3') expect((await fetch(url)).status).toBe(404);
    else expect(existsSync(join((storage as LocalStorage).directory, key))).toBe(false);
  });

  it('refuses keys that could escape its place', async () => {
    for (const key of ['../etc/passwd', 'avatars/../../x', '/abs/path', 'avatars//x', 'a\\b']) {
      await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(/unsafe media key/);
    }
  });
});
