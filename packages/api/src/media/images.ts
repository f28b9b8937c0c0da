/** Profile pictures: recognise the format by content, then re-encode square WebP without metadata. */

import { createHash } from 'node:crypto';
import type { IssueReason } from '../issues.ts';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';
export const acceptedFormats = 'PNG, JPEG, WebP or GIF';

/** The format from the file's first bytes (its magic number); the name and declared type are ignored. */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
  const ascii = (start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString('latin1');
  if (bytes.length >= 8 && ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  return null;
}

export const avatarSizes = [400, 96] as const;

export interface ProcessedAvatar {
  /** WebP bytes per square size. */
  variants: Map<(typeof avatarSizes)[number], Buffer>;
  /** Of the largest variant: names the stored objects. */
  hash: string;
}

/** An image refused for what it holds: `reason` and `params` as a ServiceError's (`issues.ts`). */
export class ImageRejected extends Error {
  readonly reason: IssueReason;
  readonly params: Record<string, number>;

  constructor(message: string, reason: IssueReason, params: Record<string, number> = {}) {
    super(message);
    this.reason = reason;
    this.params = params;
  }
}

/**
 * Decodes within `maxPixels` (a small file can claim 30000×30000: refused from its header, before
 * decoding), turns it upright, crops it square around the centre and encodes each size as WebP.
 * sharp drops EXIF, GPS and every other metadata unless told to keep it.
 */
export async function processAvatar(bytes: Buffer, maxPixels: number): Promise<ProcessedAvatar> {
  // Loaded on first use: libvips is tens of megabytes a server without uploads need not hold.
  const { default: sharp } = await import('sharp');
  const input = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', animated: false });
  try {
    const variants = new Map<(typeof avatarSizes)[number], Buffer>();
    for (const size of avatarSizes) {
      variants.set(
        size,
        await input()
          .rotate()
          .resize(size, size, { fit: 'cover', position: 'centre' })
          .webp({ quality: 82 })
          .toBuffer(),
      );
    }
    const largest = variants.get(avatarSizes[0]) as Buffer;
    return { variants, hash: createHash('sha256').update(largest).digest('hex').slice(0, 20) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      throw new ImageRejected(
        `The image is too large: at most ${maxPixels.toLocaleString('en')} pixels`,
        'image_too_many_pixels',
        { max: maxPixels },
      );
    }
    throw new ImageRejected('The image could not be read: is the file complete?', 'unreadable_image');
  }
}
