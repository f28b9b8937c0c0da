/**
 * One server process: a cluster worker, or the only process with WORKERS=1. It starts the app
 * (server.ts), says where it listens when it is alone (a cluster's primary says it for all), and
 * stops on SIGTERM or SIGINT after the drain delay, letting in-flight requests finish.
 */
import cluster from 'node:cluster';
import { isDatabaseUnavailable } from '@miniter/db';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './server.ts';
import { explainedStartFailure, type StartedMessage } from './worker-protocol.ts';

/** Counted from the end of the drain delay. */
const shutdownTimeoutMs = 10_000;

export async function serve(config: Config): Promise<void> {
  // Its own, not main.ts's: bundled apart (build.ts), each has its own request-log module, and the
  // request ids in this one's lines are kept by the app's.
  const logger = createLogger(config.logLevel, config.instance);
  /** A database that cannot be reached at start-up: one line that says so, rather than a stack. */
  const unreachable = (error: unknown): never => {
    if (!isDatabaseUnavailable(error)) throw error;
    const where = config.databaseUrl ? ` at ${new URL(config.databaseUrl).host}` : '';
    console.error(`Cannot reach the database${where} (DATABASE_URL): ${(error as Error).message}`);
    process.exit(cluster.isWorker ? explainedStartFailure : 1);
  };

  // Alone, this process migrates the database. In a cluster the first worker does (cluster.ts forks
  // it alone, and the others once it listens, its migrations applied), so that none race to apply them.
  const migrate = cluster.isPrimary || cluster.worker?.id === 1;
  const server = await startServer(config, logger, { migrate }).catch(unreachable);
  if (cluster.isPrimary) {
    const { url, metricsUrl } = server;
    logger.info({ url, trpc: `${url}/trpc`, ...(metricsUrl ? { metrics: metricsUrl } : {}) }, 'Miniter is listening');
  } else {
    process.send?.({ type: 'miniter:started', url: server.url } satisfies StartedMessage);
  }

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
