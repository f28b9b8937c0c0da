/**
 * Prometheus metrics, served on a listener of their own (METRICS_PORT), never on the public port:
 * calls and their latency by procedure or route and status, the admission queue, open live streams,
 * rate-limit refusals, the database pool, and prom-client's process metrics (event-loop lag among
 * them). Every series carries `instance`. With several workers each keeps its own registry and the
 * primary serves their sum (prom-client's AggregatorRegistry, over the cluster's IPC channel).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler, Response } from 'express';
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram } from 'prom-client';

/** The base URL of a listener on `host`, one a client on this machine can reach. */
export function listenUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** mysql2's pool, by the fields it keeps its connections in (not part of its typings). */
interface MysqlPool {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
}

const isMysqlPool = (pool: unknown): pool is MysqlPool =>
  typeof (pool as Partial<MysqlPool> | null)?._allConnections?.length === 'number';

export function createMetrics(instance: string) {
  const registry = new AggregatorRegistry();
  registry.setDefaultLabels({ instance });
  collectDefaultMetrics({ register: registry });
  // In a worker, this is the registry the primary's requests are answered from.
  AggregatorRegistry.setRegistries(registry);
  const registers = [registry];
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });

  return {
    registry,
    requestDuration: new Histogram({
      name: 'miniter_http_request_duration_seconds',
      help: 'Requests by route (a /trpc call by its procedure, each call of a batch on its own) and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: 'miniter_rate_limit_refusals_total',
      help: 'Calls refused by a rate limit, by rule',
      labelNames: ['rule'] as const,
      registers,
    }),
    watchAdmission(admission: { readonly pending: number; readonly active: number }) {
      gauge('miniter_admission_queued_requests', 'API requests waiting for a turn', () => admission.pending);
      gauge('miniter_admission_active_requests', 'API requests being worked on', () => admission.active);
    },
    watchLive(live: { stats(): { streams: number } }) {
      gauge('miniter_live_streams', 'Open live-timeline streams', () => live.stats().streams);
    },
    /** The primary's connection pool, when it is mysql2's (an embedded SQLite file has none). */
    watchPool(pool: unknown) {
      if (!isMysqlPool(pool)) return;
      new Gauge({
        name: 'miniter_db_pool_connections',
        help: 'Database connections of the pool, in use or idle',
        labelNames: ['state'] as const,
        registers,
        collect() {
          const idle = pool._freeConnections.length;
          this.set({ state: 'idle' }, idle);
          this.set({ state: 'in_use' }, pool._allConnections.length - idle);
        },
      });
      const waiting = () => pool._connectionQueue.length;
      gauge('miniter_db_pool_waiting_requests', 'Queries waiting for a database connection', waiting);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The label of a path that is none of the app's routes: one value, whatever was asked. */
const unmatched = 'unmatched';

/**
 * Marks a request as answered by no route (the final 404): its `req.route` may still name a route
 * that handed it on.
 */
export const markUnmatched = (res: Response) => {
  res.locals.unmatched = true;
};

/** Records a /trpc call of this request that failed, with the status its error maps to. */
export function callFailed(res: Response, path: string | undefined, status: number): void {
  if (path === undefined) return;
  res.locals.failedCalls ??= new Map<string, number[]>();
  const failed: Map<string, number[]> = res.locals.failedCalls;
  const statuses = failed.get(path);
  if (statuses) statuses.push(status);
  else failed.set(path, [status]);
}

/**
 * Observes every request once it is over. A /trpc request counts once per call, by procedure (an
 * unknown one is `/trpc/unknown`), each with its own status: a batch answers 207 when its calls
 * differ. Any other request counts by its route's pattern, never its raw URL.
 */
export function observeRequests(metrics: Metrics, procedures: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const seconds = (performance.now() - started) / 1000;
      const method = req.method;
      const path = req.originalUrl.split('?', 1)[0] ?? '';
      if (path.startsWith('/trpc/')) {
        const failed: Map<string, number[]> | undefined = res.locals.failedCalls;
        const fallback = String(res.statusCode >= 400 ? res.statusCode : 200);
        for (const call of path.slice('/trpc/'.length).split(',')) {
          const status = failed?.get(call)?.shift();
          const route = `/trpc/${procedures.has(call) ? call : 'unknown'}`;
          metrics.requestDuration.observe({ method, route, status: status ? String(status) : fallback }, seconds);
        }
        return;
      }
      const route = res.locals.unmatched
        ? unmatched
        : req.route
          ? `${req.baseUrl}${String(req.route.path)}`
          : req.baseUrl
            ? `${req.baseUrl}/*`
            : unmatched;
      metrics.requestDuration.observe({ method, route, status: String(res.statusCode) }, seconds);
    });
    next();
  };
}

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** An HTTP listener serving `/metrics` alone, from `registry` (a process's, or the cluster's sum). */
export async function serveMetrics(
  host: string,
  port: number,
  registry: { contentType: string },
  render: () => Promise<string>,
): Promise<MetricsListener> {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url?.split('?', 1)[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await render();
      res.writeHead(200, { 'content-type': registry.contentType }).end(body);
    } catch (error) {
      // A worker that does not answer in time (starting, or dying) fails this scrape, not the next.
      res.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${(error as Error).message}`);
    }
  });
  server.listen(port, host);
  await once(server, 'listening');
  const url = `${listenUrl(host, (server.address() as AddressInfo).port)}/metrics`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
