/**
 * Bundles the server's own code (this app and the workspace packages) into dist/main.js, so that
 * production runs plain JavaScript: no TypeScript stripping at start-up and none of its memory.
 * Dependencies stay where pnpm installed them: each is resolved from the package that imports it,
 * as Node would, and imported by its path. `import.meta.url` keeps naming each source file.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const outfile = resolve('dist/main.js');

await build({
  entryPoints: ['src/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  logLevel: 'warning',
  plugins: [
    {
      name: 'installed-dependencies',
      setup(bundle) {
        bundle.onResolve({ filter: /^[^./]/ }, async ({ path, resolveDir, kind, pluginData }) => {
          if (pluginData?.inner || path.startsWith('@miniter/')) return undefined;
          const found = await bundle.resolve(path, { resolveDir, kind, pluginData: { inner: true } });
          if (found.errors.length || found.external) return found;
          return { path: relative(dirname(outfile), found.path), external: true };
        });
        bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
          contents: (await readFile(path, 'utf8')).replaceAll(
            'import.meta.url',
            JSON.stringify(pathToFileURL(path).href),
          ),
          loader: 'ts',
        }));
      },
    },
  ],
});
