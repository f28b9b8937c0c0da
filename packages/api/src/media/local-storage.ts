import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSafeKey, type MediaStorage } from './storage.ts';

/** Origins whose views are kept for reuse; past this (a client making up Host headers) they start over. */
const maxOriginViews = 32;

/**
 * Files under `directory`, served by the server itself at `<baseUrl>/media/<key>`. With `perOrigin`
 * (no PUBLIC_URL), a request sees them at the origin it came to instead (`forOrigin`): a page opened
 * at `http://localhost:4000` allows pictures from its own origin only, not from the listen address.
 */
export class LocalStorage implements MediaStorage {
  readonly directory: string;
  readonly #baseUrl: string;
  /** This store at each origin asked for, by origin; null when the base is fixed. */
  readonly #views: Map<string, LocalStorage> | null;

  constructor(directory: string, baseUrl: string, { perOrigin = false } = {}) {
    this.directory = directory;
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#views = perOrigin ? new Map() : null;
  }

  /**
   * This store with its URLs at `origin` (`http://localhost:4000`, from the request's Host), one
   * object per origin. The store itself when its base is fixed, or for what is not an origin.
   */
  forOrigin(origin: string): LocalStorage {
    if (!this.#views) return this;
    let view = this.#views.get(origin);
    if (!view) {
      const url = URL.parse(origin);
      if (!url || url.origin === 'null' || url.href !== `${url.origin}/`) return this;
      if (this.#views.size >= maxOriginViews) this.#views.clear();
      view = new LocalStorage(this.directory, url.origin);
      this.#views.set(origin, view);
    }
    return view;
  }

  async put(key: string, body: Buffer): Promise<void> {
    assertSafeKey(key);
    const path = join(this.directory, key);
    await mkdir(dirname(path), { recursive: true });
    // Write beside, then rename: a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, body);
    await rename(partial, path);
  }

  async remove(keys: string[]): Promise<void> {
    for (const key of keys) assertSafeKey(key);
    await Promise.all(keys.map((key) => rm(join(this.directory, key), { force: true })));
  }

  url(key: string): string {
    return `${this.#baseUrl}/media/${key}`;
  }
}
