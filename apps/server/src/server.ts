/** Start and stop: the ORM, the HTTP listener, and a shutdown that lets in-flight requests finish. */
import cluster from 'node:cluster';
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LiveHub, SessionCache } from '@miniter/api';
import { dialectOf, type Orm, openOrm } from '@miniter/db';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createLimiter } from './limiter.ts';
import { redisLiveBus } from './live-bus.ts';
import { createLogger } from './logger.ts';
import { streamingUpgrades } from './mastodon/streaming.ts';
import { createMediaStorage } from './media.ts';
import { createMetrics, listenUrl, type MetricsListener, serveMetrics } from './metrics.ts';
import { defaultWebRoot } from './web.ts';

export interface RunningServer {
  url: string;
  /** `/metrics` on its own listener, when METRICS_PORT is set (a cluster's primary serves it instead). */
  metricsUrl: string | undefined;
  orm: Orm;
  live: LiveHub;
  /**
   * Turns /readyz to 503 and resolves after DRAIN_DELAY, serving as before meanwhile, so that a load
   * balancer notices and sends elsewhere before `close` stops accepting.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  logger = createLogger(config.logLevel, config.instance),
  { migrate = true } = {},
): Promise<RunningServer> {
  const orm = await openOrm(config.databaseUrl, { migrate, replicas: config.databaseReplicas });
  const metrics = config.metricsPort === undefined ? null : createMetrics(config.instance);
  if (metrics && dialectOf(orm) !== 'sqlite') metrics.watchPool(await orm.em.getConnection().getNativeClient());
  const { limiter, close: closeLimiter } = await createLimiter(config, logger, metrics);
  // Slow clients cannot hold a connection forever: headers and whole requests have deadlines.
  const server = createServer({
    requestTimeout: config.timeouts.requestMs,
    headersTimeout: config.timeouts.headersMs,
    // How often those deadlines are checked (Node's default, 30 s, would let them overrun).
    connectionsCheckingInterval: Math.min(1000, config.timeouts.headersMs),
  });
  // Listen first: the address is part of the local media URLs when PUBLIC_URL is unset.
  server.listen(config.port, config.host);
  await once(server, 'listening');
  const url = listenUrl(config.host, (server.address() as AddressInfo).port);
  const media = createMediaStorage(config, url);
  const live = new LiveHub({
    orm,
    media,
    bus: config.redisUrl ? redisLiveBus(config.redisUrl, logger) : null,
    limits: config.live,
    onError: (error) => logger.warn({ err: error }, 'live timeline: reading the event log failed; retrying'),
  });
  metrics?.watchLive(live);
  // With read replicas a check also tells where the call reads, which changes by the second: not remembered.
  const sessions = config.databaseReplicas
    ? null
    : new SessionCache({
        orm,
        onChange: () => void live.checkSessions().catch(() => {}),
        onError: (error) => logger.warn({ err: error }, 'sessions: reading the session epoch failed; retrying'),
      });
  // While stopping, every answer not yet started closes its connection after it: a client that
  // keeps one alive would otherwise keep this process answering (and waiting) until the deadline.
  let stopping = false;
  let draining = false;
  const answering = new Set<ServerResponse>();
  server.on('request', (_req, res) => {
    if (stopping) res.shouldKeepAlive = false;
    answering.add(res);
    res.once('close', () => answering.delete(res));
  });
  const app = createApp({
    ...config,
    orm,
    logger,
    media,
    limiter,
    live,
    sessions,
    metrics,
    webRoot: defaultWebRoot,
    draining: () => draining,
  });
  server.on('request', app);
  // WebSockets (Mastodon's streaming API): each upgrade goes through the app as a request does.
  const upgrades = streamingUpgrades(app);
  server.on('upgrade', upgrades.handle);
  await Promise.all([live.start(), sessions?.start()]);
  // A cluster worker's metrics are served by the primary (cluster.ts).
  let metricsListener: MetricsListener | null = null;
  if (metrics && config.metricsPort !== undefined && !cluster.isWorker) {
    metricsListener = await serveMetrics(config.host, config.metricsPort, metrics.registry, () =>
      metrics.registry.metrics(),
    );
  }

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      stopping = true;
      for (const res of answering) if (!res.headersSent) res.shouldKeepAlive = false;
      // Stop accepting; idle keep-alive sockets go now, busy ones after their response. Live streams
      // end now: their clients resume on another instance.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([live.close(), sessions?.close(), upgrades.close()]);
      // Ended streams leave their connections idle a moment later: close those as they come.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      await stopped;
      clearInterval(idle);
      await Promise.all([orm.close(), closeLimiter(), metricsListener?.close()]);
    })();
    return closing;
  };
  const drain = async () => {
    draining = true;
    await sleep(config.drainDelayMs);
  };
  return { url, metricsUrl: metricsListener?.url, orm, live, drain, close };
}
