/**
 * How the cluster suite's test files reach the processes the global setup started: those live in
 * vitest's main process, the tests in workers, so the global setup serves a small HTTP endpoint on
 * loopback (`serveControl`) and the tests call the same objects' methods through it (`useCluster`):
 * `POST /<target>/<method>` with the arguments as a JSON array, the result as JSON. One topology for
 * the whole suite, started once; any test can still kill, stop and restart any part of it.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { inject } from 'vitest';
import type { ReplicaSet } from '../../../../packages/db/src/testing/replica-set.ts';
import type { Haproxy, Instance, RedisServer } from './processes.ts';

/** What the global setup provides (`inject('cluster')`). */
export interface ClusterInfo {
  /** The control endpoint (`useCluster` calls it). */
  controlUrl: string;
  /** HAProxy's address, in front of every instance: `http://127.0.0.1:<port>`. */
  url: string;
  instances: { name: string; port: number; url: string; metricsUrl: string }[];
  primaryUrl: string;
  replicaUrl: string;
  /** `mariadb://root@127.0.0.1:<port>`, every privilege. */
  rootUrls: { primary: string; replica: string };
  redisUrl: string;
  jwtSecret: string;
  /** The environment every instance runs with (beyond the launcher's defaults). */
  instanceEnv: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

type Method = (...args: never[]) => unknown;
/** An object's methods, called in the global setup's process: each returns a promise. */
export type Remote<T> = {
  [K in keyof T as T[K] extends Method ? K : never]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** Serves `targets`' methods on a spare loopback port; resolves with its URL and a `close`. */
export async function serveControl(targets: Record<string, object>) {
  const server = createServer(async (req, res) => {
    const [, target = '', method = ''] = new URL(req.url ?? '/', 'http://control').pathname.split('/');
    const object = targets[target] as Record<string, unknown> | undefined;
    const fn = object && Object.hasOwn(object, method) ? object[method] : undefined;
    let body = '';
    for await (const chunk of req) body += chunk;
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value ?? null));
    };
    if (req.method !== 'POST' || typeof fn !== 'function') return reply(404, { error: `no ${target}.${method}` });
    try {
      reply(200, { result: await fn.apply(object, body ? JSON.parse(body) : []) });
    } catch (error) {
      reply(500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function remote<T>(controlUrl: string, target: string): Remote<T> {
  return new Proxy({} as Remote<T>, {
    get: (_, method) => {
      if (typeof method !== 'string' || method === 'then') return undefined;
      return async (...args: unknown[]) => {
        const response = await fetch(`${controlUrl}/${target}/${method}`, {
          method: 'POST',
          body: JSON.stringify(args),
        });
        const answer = (await response.json()) as { result?: unknown; error?: string };
        if (!response.ok) throw new Error(`cluster control ${target}.${method}: ${answer.error}`);
        return answer.result;
      };
    },
  });
}

/** In a test file of the cluster project: the topology, and a handle on each of its processes. */
export function useCluster() {
  const info = inject('cluster');
  if (!info) throw new Error('no cluster: run this file in the cluster project (vitest run --project cluster)');
  return {
    info,
    replicaSet: remote<ReplicaSet>(info.controlUrl, 'replicaSet'),
    redis: remote<RedisServer>(info.controlUrl, 'redis'),
    haproxy: remote<Haproxy>(info.controlUrl, 'haproxy'),
    instance: (name: string) => remote<Instance>(info.controlUrl, `instance-${name}`),
    instances: info.instances.map((i) => remote<Instance>(info.controlUrl, `instance-${i.name}`)),
  };
}
