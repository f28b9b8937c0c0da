/**
 * Several server processes (`WORKERS` above 1): this primary process holds the in-memory rate-limit
 * counts that all workers share, starts the workers (node:cluster: they share the one port), starts
 * a new one when one dies, and stops them all on SIGTERM or SIGINT. It serves no API request itself and
 * never loads the app (main.ts imports this module alone); with METRICS_PORT it serves `/metrics`,
 * the sum of its workers'.
 *
 * The first worker applies the migrations (serve.ts) and the others are forked once it listens, so
 * that they never race to apply the same migrations.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { MetricsListener } from './metrics.ts';
import { explainedStartFailure, isStartedMessage } from './worker-protocol.ts';

/**
 * A worker's own shutdown deadline is 10 s after its drain delay (serve.ts); past this the primary
 * kills what is left.
 */
const shutdownTimeoutMs = 10_500;

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  if (config.rateLimits && !config.redisUrl) {
    const { ClusterMemoryStorePrimary } = await import('@express-rate-limit/cluster-memory-store');
    new ClusterMemoryStorePrimary().init();
  }

  /** The exit code once stopping. */
  let stopping: number | null = null;
  /** Each running worker, and whether it has started listening. */
  const started = new Map<Worker, boolean>();
  // One instance, whichever worker: their metrics add up under one `instance` label.
  const fork = () => started.set(cluster.fork({ INSTANCE_NAME: config.instance }), false);
  let metrics: MetricsListener | null = null;
  if (config.metricsPort !== undefined) {
    // Only then: prom-client is no small module, nor node:http, which metrics.ts imports.
    const [{ AggregatorRegistry }, { serveMetrics }] = await Promise.all([
      import('prom-client'),
      import('./metrics.ts'),
    ]);
    const aggregator = new AggregatorRegistry();
    metrics = await serveMetrics(config.host, config.metricsPort, aggregator, () => aggregator.clusterMetrics());
  }

  /** Workers that started listening, replacements included. */
  let listening = 0;
  cluster.on('exit', (worker, code, signal) => {
    const listened = started.get(worker);
    started.delete(worker);
    if (stopping !== null) {
      if (started.size === 0) process.exit(stopping);
      return;
    }
    // The first could not reach the database and has said so in a line of its own: as with WORKERS=1,
    // that line is the reason for the exit.
    if (listening === 0 && code === explainedStartFailure) {
      stop(1);
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

  cluster.on('listening', (worker) => {
    // The first one to listen has migrated the database: the others can start.
    if (listening++ === 0 && stopping === null) for (let n = 1; n < config.workers; n++) fork();
    started.set(worker, true);
  });

  /** Workers that started serving, replacements included. */
  let serving = 0;
  cluster.on('message', (_worker, message) => {
    if (!isStartedMessage(message) || ++serving !== config.workers) return;
    const served = {
      url: message.url,
      trpc: `${message.url}/trpc`,
      workers: config.workers,
      ...(metrics ? { metrics: metrics.url } : {}),
    };
    logger.info(served, 'Miniter is listening');
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

  fork();
}
