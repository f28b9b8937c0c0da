/**
 * The cluster harness itself: HAProxy spreads requests over both instances and gives each a request
 * id that reaches the serving instance's log; writes reach the replica, which a stopped SQL thread
 * leaves stale and read-only keeps the application from writing to; a killed instance leaves and
 * rejoins HAProxy's pool on the same port.
 */
import { describe, expect, it } from 'vitest';
import { openLiveStream } from '../live-stream.ts';
import { signedIn as signedInThrough } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;

/** The instances that logged a line for the request `reqId`. */
async function servedBy(reqId: string): Promise<string[]> {
  const found = await Promise.all(
    info.instances.map(async ({ name }) => ((await cluster.instance(name).requestLines(reqId)).length ? [name] : [])),
  );
  return found.flat();
}

const signedIn = () => signedInThrough(info, 'topology');

describe('the cluster topology', () => {
  it('spreads requests over both instances; the request id HAProxy sets is in the serving instance’s log', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${info.url}/trpc/health.ping`);
      expect(response.status).toBe(200);
      const id = response.headers.get('x-request-id') ?? '';
      expect(id).toMatch(/^[0-9A-F]{8,64}$/); // HAProxy's unique-id-format, not a server's UUID
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // pino writes asynchronously: the line may follow the response by a moment.
    await expect.poll(async () => (await Promise.all(ids.map(servedBy))).every((s) => s.length === 1)).toBe(true);
    const servers = (await Promise.all(ids.map(servedBy))).flat();
    expect(new Set(servers)).toEqual(new Set(['a', 'b']));

    // One line of the request, with the client's address as HAProxy forwarded it (TRUST_PROXY=1).
    const [id = ''] = ids;
    const [line] = await cluster.instance(servers[0] ?? '').requestLines(id);
    expect(line).toMatchObject({
      msg: 'request completed',
      req: { url: '/trpc/health.ping', remoteAddress: '127.0.0.1' },
    });

    // A client's own request id passes through HAProxy untouched.
    const own = `client-${Date.now()}`;
    const response = await fetch(`${info.url}/trpc/health.ping`, { headers: { 'x-request-id': own } });
    expect(response.headers.get('x-request-id')).toBe(own);
    await expect.poll(() => servedBy(own)).toHaveLength(1);
  });

  it('replicates a tweet written through HAProxy to the replica, where the application cannot write', async () => {
    const { user, api } = await signedIn();
    const tweet = await api.tweet.create.mutate({ text: 'through HAProxy 🌏' });
    await cluster.replicaSet.waitForReplicaCatchUp();

    const replicaBefore = await cluster.replicaSet.selectCount('replica');
    const rows = await cluster.replicaSet.sql(
      'replica',
      `SELECT user_id, tweet FROM tweets WHERE id = ${tweet.id}`,
      'app',
    );
    expect(rows).toEqual([[String(user.id), 'through HAProxy 🌏']]);
    // Com_select counts the replica's reads (the instances' own reads add to it too, once they use it).
    expect(await cluster.replicaSet.selectCount('replica')).toBeGreaterThan(replicaBefore);

    // The application's user is bound by the replica's read_only (no READ ONLY ADMIN, no SUPER).
    await expect(
      cluster.replicaSet.sql('replica', `UPDATE tweets SET tweet = 'no' WHERE id = ${tweet.id}`, 'app'),
    ).rejects.toThrow(/read-only/);
  });

  it('leaves the replica stale while its SQL thread is stopped, and catches up once it runs again', async () => {
    const { api } = await signedIn();
    await cluster.replicaSet.stopReplicaSql();
    try {
      const tweet = await api.tweet.create.mutate({ text: 'while replication is stopped' });
      const query = `SELECT COUNT(*) FROM tweets WHERE id = ${tweet.id}`;
      expect(await cluster.replicaSet.sql('primary', query, 'app')).toEqual([['1']]);
      const status = await cluster.replicaSet.replicaStatus();
      expect(status).toMatchObject({ ioRunning: true, sqlRunning: false });
      expect(status.replicaPosition).not.toBe(status.primaryPosition);
      expect(await cluster.replicaSet.sql('replica', query, 'app')).toEqual([['0']]);
      await expect(cluster.replicaSet.waitForReplicaCatchUp(500)).rejects.toThrow(/did not catch up/);

      await cluster.replicaSet.startReplicaSql();
      await cluster.replicaSet.waitForReplicaCatchUp();
      expect(await cluster.replicaSet.sql('replica', query, 'app')).toEqual([['1']]);
    } finally {
      await cluster.replicaSet.startReplicaSql();
    }
  });

  it('passes a live stream (SSE) through HAProxy as it comes', async () => {
    const { api, token } = await signedIn();
    const stream = await openLiveStream(info.url, token);
    try {
      expect(stream.status).toBe(200);
      const tweet = await api.tweet.create.mutate({ text: 'live through HAProxy' });
      const [event] = await stream.waitFor(1, 3000);
      expect(event?.data).toEqual({ type: 'tweet', tweet });
    } finally {
      stream.close();
    }
  });

  it('takes a killed instance out of HAProxy’s pool, and back in once it runs again on its port', async () => {
    const b = cluster.instance('b');
    await b.kill();
    await cluster.haproxy.waitForUp(['a']);
    // Everything goes to a meanwhile.
    for (let i = 0; i < 4; i++) expect((await fetch(`${info.url}/trpc/health.ping`)).status).toBe(200);

    await b.start();
    await cluster.haproxy.waitForUp(['a', 'b']);
    expect(await b.running()).toBe(true);
    expect((await cluster.haproxy.servers()).map((s) => [s.name, s.up])).toEqual([
      ['a', true],
      ['b', true],
    ]);
  });
});
