/**
 * The pictures Mastodon's clients show for an account without its own: every Account names an
 * avatar and a header, and they must be real images. Drawn once, as flat PNGs, at the paths
 * Mastodon uses for its own (`/avatars/original/missing.png`).
 */
import { deflateSync } from 'node:zlib';
import { Router } from 'express';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `width`×`height` PNG of one colour (8-bit RGB). */
function flatPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pictures = {
  avatar: { path: '/avatars/original/missing.png', png: flatPng(400, 400, [155, 174, 200]) },
  header: { path: '/headers/original/missing.png', png: flatPng(1500, 500, [217, 225, 232]) },
};

/** The absolute URL of a default picture, at the origin the request came to. */
export const defaultPictureUrl = (origin: string, kind: keyof typeof pictures) => `${origin}${pictures[kind].path}`;

export function defaultPictures(): Router {
  const router = Router();
  for (const { path, png } of Object.values(pictures)) {
    router.get(path, (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=86400');
      res.type('image/png').send(png);
    });
  }
  return router;
}
