import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSafeKey, type MediaStorage } from './storage.ts';

/** Files under `directory`, served by the server itself at `<publicBaseUrl>/media/<key>`. */
export class LocalStorage implements MediaStorage {
  readonly directory: string;
  readonly #publicBaseUrl: string;

  constructor(directory: string, publicBaseUrl: string) {
    this.directory = directory;
    this.#publicBaseUrl = publicBaseUrl.replace(/\/+$/, '');
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
    return `${this.#publicBaseUrl}/media/${key}`;
  }
}
