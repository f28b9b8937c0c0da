/**
 * Bundles the server's own code (this app and the workspace packages) into `dist/`, so that
 * production runs plain JavaScript: no TypeScript stripping at start-up and none of its memory.
 * Dependencies stay where pnpm installed them: each is resolved from the package that imports it,
 * as Node would, and imported by its path. `import.meta.url` keeps naming each source file.
 *
 * Two builds, so that a cluster's primary never loads the app:
 * - `dist/main.js`, the entry (main.ts): the configuration, the logger and the cluster's primary,
 *   and what the primary imports on demand in chunks beside it (`chunk-metrics-<hash>.js`);
 * - `dist/serve-<hash>.js` (serve.ts): the app, which main.js imports in a server process only.
 * Not one build split in chunks: esbuild splits by file, and config.ts reads a default or two from
 * `@miniter/api` and `@miniter/db`, whose files import MikroORM, tRPC and the rest; tree shaking
 * within a build keeps what config.ts uses and leaves those out. To that end the workspace packages
 * and the dependencies are taken as free of side effects at import (as `"sideEffects": false`
 * says): a module none of whose exports a bundle uses is left out of it, imports and all.
 * The two share no state: serve.ts makes its own logger (whose lines carry the request ids that
 * its own copy of request-log.ts keeps).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Plugin } from 'esbuild';

const here = import.meta.dirname;
const outdir = resolve(here, 'dist');
const packages = resolve(here, '../../packages') + sep;
/** Files named by their content: earlier builds' go once no entry in dist/ imports them. */
const isHashed = (file: string) => /^(?:serve|chunk)-[\w-]+\.js$/.test(file);

/**
 * Dependencies imported for what importing them does, not for an export: each registers itself
 * with another (linkifyjs's plugins), so the rule above must not leave them out.
 */
const importedForEffect = new Set(['linkify-plugin-hashtag', 'linkify-plugin-mention']);

const installedDependencies: Plugin = {
  name: 'installed-dependencies',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, async ({ path, resolveDir, kind, pluginData }) => {
      if (pluginData?.inner) return undefined;
      const found = await bundle.resolve(path, { resolveDir, kind, pluginData: { inner: true } });
      if (found.errors.length || found.external) return found;
      if (path.startsWith('@miniter/')) return { ...found, sideEffects: false };
      return { path: relative(outdir, found.path), external: true, sideEffects: importedForEffect.has(path) };
    });
    bundle.onResolve({ filter: /^\./ }, async ({ path, importer, resolveDir, kind, pluginData }) => {
      if (pluginData?.inner || !importer.startsWith(packages)) return undefined;
      const found = await bundle.resolve(path, { resolveDir, kind, pluginData: { inner: true } });
      return found.errors.length ? found : { ...found, sideEffects: false };
    });
    bundle.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

const options = {
  absWorkingDir: here,
  outdir,
  bundle: true,
  metafile: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  logLevel: 'warning',
} satisfies BuildOptions;

const app = await build({
  ...options,
  entryPoints: { serve: resolve(here, 'src/serve.ts') },
  entryNames: '[name]-[hash]',
  plugins: [installedDependencies],
});
const appBundle = basename(Object.keys(app.metafile.outputs)[0] ?? '');

const main = await build({
  ...options,
  entryPoints: { main: resolve(here, 'src/main.ts') },
  // Flat, beside main.js: a dependency's path is relative to `dist/`, whichever file imports it.
  chunkNames: 'chunk-[name]-[hash]',
  splitting: true,
  plugins: [
    {
      name: 'app-bundle',
      setup(bundle) {
        bundle.onResolve({ filter: /^\.\/serve\.ts$/ }, () => ({ path: `./${appBundle}`, external: true }));
      },
    },
    installedDependencies,
  ],
});

// Earlier builds' chunks and app bundles go, unless an entry in dist/ still imports one (a test's
// copy of an earlier main.js, say).
const files = await readdir(outdir);
const kept = new Set(
  [...Object.keys(app.metafile.outputs), ...Object.keys(main.metafile.outputs)].map((f) => basename(f)),
);
const reach = async (file: string) => {
  const code = await readFile(join(outdir, file), 'utf8').catch(() => '');
  for (const [, imported = ''] of code.matchAll(/["']\.\/([\w-]+\.js)["']/g)) {
    if (!kept.has(imported)) {
      kept.add(imported);
      await reach(imported);
    }
  }
};
for (const file of files) if (file.endsWith('.js') && !isHashed(file)) await reach(file);
await Promise.all(files.filter((f) => isHashed(f) && !kept.has(f)).map((f) => rm(join(outdir, f), { force: true })));
