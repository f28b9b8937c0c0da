/** Bundles the CLI into one file, dist/miniter.js, that runs on any Node 20+ without the workspace. */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/miniter.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // commander is CommonJS: give its `require` calls a real require inside the ES module.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
