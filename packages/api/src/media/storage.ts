/** Where pictures live: one interface, a driver for local disk and one for S3-compatible stores. */
export interface MediaStorage {
  /** Stores `body` under `key` (a path like `avatars/12/ab…-400.webp`), replacing any object there. */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Deletes the objects; missing ones are fine. */
  remove(keys: string[]): Promise<void>;
  /** The public URL clients fetch the object from. */
  url(key: string): string;
}

/** Keys are made by Miniter, never by a client; this guards the drivers against a bad one anyway. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9]+(\/[a-z0-9][a-z0-9._-]*)+$/i.test(key) || key.includes('..')) {
    throw new Error(`unsafe media key: ${key}`);
  }
}

/** Objects are immutable (their key holds a content hash), so caches may keep them for a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';
