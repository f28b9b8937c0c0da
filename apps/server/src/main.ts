import cluster from 'node:cluster';
import { isDatabaseUnavailable } from '@miniter/db';
import { runPrimary } from './cluster.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** A database that cannot be reached at start-up: one line that says so, rather than a stack. */
function unreachable(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  const where = config.databaseUrl ? ` at ${new URL(config.databaseUrl).host}` : '';
  console.error(`Cannot reach the database${where} (DATABASE_URL): ${(error as Error).message}`);
  process.exit(1);
}

const logger = createLogger(config.logLevel, config.instance);
if (cluster.isPrimary && config.workers > 1) {
  await runPrimary(config, logger).catch(unreachable);
} else {
  // A worker: the primary has migrated the database, and names the address once all listen.
  const server = await startServer(config, logger, { migrate: cluster.isPrimary }).catch(unreachable);
  if (cluster.isPrimary) {
    const { url, metricsUrl } = server;
    logger.info({ url, trpc: `${url}/trpc`, ...(metricsUrl ? { metrics: metricsUrl } : {}) }, 'Miniter is listening');
  }

  /** Counted from the end of the drain delay. */
  const shutdownTimeoutMs = 10_000;
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    // Handled for good, not once: a worker can get a signal twice (a Ctrl-C reaches the whole process
    // group, then the primary passes SIGTERM on), and an unhandled second one would kill it mid-request.
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      if (config.drainDelayMs > 0) {
        logger.info({ signal, drainDelayMs: config.drainDelayMs }, 'draining: /readyz answers 503, still serving');
      }
      await server.drain();
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      // A request that never ends must not keep the process alive forever.
      setTimeout(() => {
        logger.error('in-flight requests did not finish in time; exiting');
        process.exit(1);
      }, shutdownTimeoutMs).unref();
      await server.close();
      logger.info('stopped');
      process.exit(0);
    });
  }
}
