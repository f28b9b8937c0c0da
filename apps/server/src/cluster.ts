/**
 * One server process per core (`WORKERS`): this primary process migrates the database once, holds
 * the in-memory rate-limit counts that all workers share, starts the workers (node:cluster: they
 * share the one port), starts a new one when one dies, and stops them all on SIGTERM or SIGINT.
 * It serves no API request itself; with METRICS_PORT it serves `/metrics`, the sum of its workers'.
 */
import cluster, { type Worker } from 'node:cluster';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import { openOrm } from '@miniter/db';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from './config.ts';
import { listenUrl, type MetricsListener, serveMetrics } from './metrics.ts';

/**
 * A worker's own shutdown deadline is 10 s after its drain delay (main.ts); past this the primary
 * kills what is left.
 */
const shutdownTimeoutMs = 10_500;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  // Before any worker opens it, so that they do not race to apply the same migrations.
  await (await openOrm(config.databaseUrl)).close();
  if (config.rateLimits && !config.redisUrl) new ClusterMemoryStorePrimary().init();

  /** The exit code once stopping. */
  let stopping: number | null = null;
  /** Each running worker, and whether it has started listening. */
  const started = new Map<Worker, boolean>();
  // One instance, whichever worker: their metrics add up under one `instance` label.
  const fork = () => started.set(cluster.fork({ INSTANCE_NAME: config.instance }), false);
  let metrics: MetricsListener | null = null;
  if (config.metricsPort !== undefined) {
    const aggregator = new AggregatorRegistry();
    metrics = await serveMetrics(config.host, config.metricsPort, aggregator, () => aggregator.clusterMetrics());
  }

  cluster.on('exit', (worker, code, signal) => {
    const listened = started.get(worker);
    started.delete(worker);
    if (stopping !== null) {
      if (started.size === 0) process.exit(stopping);
      return;
    }
    logger.error({ workerPid: worker.process.pid, code, signal }, 'a worker died');
    // One that never listened failed to start (bad database URL, say): a new one would fail too.
    if (!listened) {
      logger.fatal('a worker failed to start: stopping');
      stop(1);
      return;
    }
    fork();
  });

  let listening = 0;
  cluster.on('listening', (worker, address) => {
    started.set(worker, true);
    if (++listening === config.workers) {
      const url = listenUrl(config.host, address.port);
      const served = {
        url,
        trpc: `${url}/trpc`,
        workers: config.workers,
        ...(metrics ? { metrics: metrics.url } : {}),
      };
      logger.info(served, 'Miniter is listening');
    }
  });

  function stop(code: number) {
    if (stopping !== null) return;
    stopping = code;
    setTimeout(() => {
      logger.error('workers did not stop in time; killing them');
      for (const worker of started.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.drainDelayMs + shutdownTimeoutMs).unref();
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    if (started.size === 0) process.exit(code);
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping !== null) return;
      logger.info({ signal, workers: started.size }, 'shutting down: stopping the workers');
      stop(0);
    });
  }

  for (let n = 0; n < config.workers; n++) fork();
}
