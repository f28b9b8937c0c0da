/// <reference path="./s3rver.d.ts" />
/**
 * Test helpers for pictures: real images of every accepted format, a crafted decompression bomb,
 * and a real S3 protocol endpoint (s3rver, in-process, on an ephemeral port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import S3rver from 's3rver';
import sharp from 'sharp';
import { S3Storage } from './media/s3-storage.ts';

export type TestImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

/** A real picture, `width`×`height`, with EXIF (camera, GPS) where the format carries it. */
export async function makeImage(format: TestImageFormat, width = 640, height = 480, noise = false): Promise<Buffer> {
  const image = noise
    ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
        raw: { width, height, channels: 3 },
      })
    : sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  const withExif = image.withExif({
    IFD0: { Make: 'Miniter Test Camera', Copyright: 'secret owner' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1' },
  });
  return withExif.toFormat(format).toBuffer();
}

/** A tiny, valid PNG header that claims `width`×`height`: decoding it would need gigabytes. */
export function makeDecompressionBomb(width = 30_000, height = 30_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TestS3 {
  endpoint: string;
  bucket: string;
  storage: S3Storage;
  close(): Promise<void>;
}

/** An S3 server speaking the real protocol, with one empty bucket. */
export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'miniter-s3-'));
  const bucket = 'miniter-test';
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storage = new S3Storage({
    bucket,
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    publicBaseUrl: `${endpoint}/${bucket}`,
  });
  return {
    endpoint,
    bucket,
    storage,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
