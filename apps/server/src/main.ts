/**
 * The entry point (`dist/main.js`). It reads the configuration, then either runs the cluster's
 * primary (WORKERS above 1: cluster.ts) or is a server itself (a worker, or the only process with
 * WORKERS=1: serve.ts). Only a server imports serve.ts, and with it the app, so that the primary
 * holds the configuration, the logger and node:cluster, not express, tRPC and the ORM (build.ts
 * bundles serve.ts apart).
 */
import cluster from 'node:cluster';
import { runPrimary } from './cluster.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (cluster.isPrimary && config.workers > 1) {
  await runPrimary(config, createLogger(config.logLevel, config.instance));
} else {
  const { serve } = await import('./serve.ts');
  await serve(config);
}
