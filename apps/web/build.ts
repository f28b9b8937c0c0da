/**
 * `vite build` into a fresh directory, then swapped into `dist/` whole: several `pnpm start`s at once
 * (the end-to-end tests) each build, and a server never reads a half-written build. Each text asset
 * gets its brotli and gzip siblings (`compress.ts`).
 */
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { compressAssets } from './compress.ts';

const root = import.meta.dirname;
const fresh = await mkdtemp(join(root, '.dist-'));
await build({ root, logLevel: 'warn', build: { outDir: fresh, emptyOutDir: true } });
await compressAssets(join(fresh, 'assets'));
const old = `${fresh}-old`;
await rename(join(root, 'dist'), old).catch(() => {});
await rename(fresh, join(root, 'dist'));
await rm(old, { recursive: true, force: true });
