/**
 * The cluster project's global setup: one topology on loopback for the whole suite, started once:
 * a MariaDB primary and replica (GTID replication), Redis, two Miniter instances (`a` migrates the
 * database on start, then `b` starts) and HAProxy in front of them. The tests get its addresses with
 * `inject('cluster')` and drive its processes through `useCluster()` (./control.ts). Everything is
 * stopped at the end, and killed by exit hooks and watchdogs if this process dies first.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { replicaSetUnavailable, startReplicaSet } from '../../../../packages/db/src/testing/replica-set.ts';
import { type ClusterInfo, serveControl } from './control.ts';
import {
  buildServer,
  createHaproxy,
  createInstance,
  createRedisServer,
  freePort,
  haproxyUnavailable,
  type Instance,
  removeServerBundle,
} from './processes.ts';

/** `count` distinct ports nothing listens on. */
async function sparePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

const log = (message: string) => console.log(`[cluster] ${message}`);

export default async function setup(project: TestProject) {
  const missing = [replicaSetUnavailable(), haproxyUnavailable()].filter(Boolean);
  if (missing.length) throw new Error(`the cluster suite ${missing.join(' and ')}`);

  const started = Date.now();
  const teardown: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const step of teardown.reverse()) await step().catch((error) => log(`teardown: ${error}`));
    teardown.length = 0;
  };

  try {
    const replicaSetStarting = startReplicaSet({ database: 'miniter' });
    teardown.push(async () => (await replicaSetStarting.catch(() => null))?.stop());
    teardown.push(async () => removeServerBundle());
    const [replicaSet, bundle] = await Promise.all([replicaSetStarting, buildServer()]);
    const [redisPort = 0, haproxyPort = 0, ...ports] = await sparePorts(6);
    log(`primary on ${replicaSet.ports.primary}, replica on ${replicaSet.ports.replica} (${Date.now() - started} ms)`);

    const redis = createRedisServer(redisPort);
    teardown.push(() => redis.kill());
    await redis.start();

    const jwtSecret = randomBytes(32).toString('base64url');
    const instanceEnv = {
      DATABASE_URL: replicaSet.primaryUrl,
      DATABASE_REPLICA_URLS: replicaSet.replicaUrl,
      // A replica a second behind gets no reads: a writer's reads stay on the primary 4 s after.
      DATABASE_REPLICA_MAX_LAG: '1s',
      // HAProxy checks every 500 ms and takes 2 failures to mark an instance down: 1 s, and a margin.
      DRAIN_DELAY: '2s',
      REDIS_URL: redis.url,
      JWT_SECRET: jwtSecret,
      // Every client reaches the instances from HAProxy's address: limits high enough for a suite
      // of tests, still counted in Redis. A test of the limits restarts instances with its own.
      RATE_LIMIT_SIGNUP_PER_IP: '10000/30m',
      RATE_LIMIT_LOGIN_PER_IP: '10000/5m',
      RATE_LIMIT_CALLS: '1000000/5m',
    };
    const instances: Instance[] = ['a', 'b'].map((name, n) =>
      // Each with its metrics on a port of its own (the public port has none).
      createInstance({
        name,
        port: ports[n] ?? 0,
        bundle,
        env: { ...instanceEnv, METRICS_PORT: String(ports[n + 2]) },
      }),
    );
    for (const instance of instances) {
      teardown.push(() => instance.kill());
      // One after the other: the first applies the migrations.
      await instance.start();
    }
    log(`instances ${instances.map((i) => `${i.name} on ${i.port}`).join(', ')} (${Date.now() - started} ms)`);

    const haproxy = createHaproxy(
      haproxyPort,
      instances.map(({ name, port }) => ({ name, port })),
    );
    teardown.push(() => haproxy.remove());
    await haproxy.start();
    await haproxy.waitForUp(instances.map((i) => i.name));

    const control = await serveControl({
      replicaSet,
      redis,
      haproxy,
      ...Object.fromEntries(instances.map((i) => [`instance-${i.name}`, i])),
    });
    teardown.push(() => control.close());

    const info: ClusterInfo = {
      controlUrl: control.url,
      url: haproxy.url,
      instances: instances.map(({ name, port, url }, n) => ({
        name,
        port,
        url,
        metricsUrl: `http://127.0.0.1:${ports[n + 2]}/metrics`,
      })),
      primaryUrl: replicaSet.primaryUrl,
      replicaUrl: replicaSet.replicaUrl,
      rootUrls: { primary: replicaSet.rootUrl('primary'), replica: replicaSet.rootUrl('replica') },
      redisUrl: redis.url,
      jwtSecret,
      instanceEnv,
    };
    project.provide('cluster', info);
    log(`HAProxy on ${haproxyPort}: all up in ${Date.now() - started} ms`);
  } catch (error) {
    await stopAll();
    throw error;
  }

  return async () => {
    const stopping = Date.now();
    await stopAll();
    log(`stopped everything in ${Date.now() - stopping} ms`);
  };
}
