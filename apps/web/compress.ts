/**
 * Brotli and gzip siblings (`x.js.br`, `x.js.gz`) of a build's text assets, at the best ratio, where
 * smaller: the server sends them as they are (apps/server/src/web.ts) rather than compress in every
 * process (which cost each about 16 MiB of peak memory at start).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** The build's files that are text: they compress (pictures and fonts already are compressed). */
export const compressible = /\.(?:js|css|svg|json|txt)$/;

const encoders = {
  br: (data: Buffer) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data: Buffer) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

export async function compressAssets(dir: string): Promise<void> {
  for (const name of (await readdir(dir).catch(() => [])).filter((file) => compressible.test(file))) {
    const data = await readFile(join(dir, name));
    for (const [extension, encode] of Object.entries(encoders)) {
      const encoded = await encode(data);
      if (encoded.length < data.length) await writeFile(join(dir, `${name}.${extension}`), encoded);
    }
  }
}
