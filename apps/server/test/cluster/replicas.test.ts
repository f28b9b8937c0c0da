/**
 * Read replicas (DATABASE_REPLICA_URLS) on a real MariaDB primary and GTID replica: public reads go
 * to the replica, a writer reads its own writes from the primary even while the replica is stalled,
 * a replica too far behind gets no reads, and reads survive the replica being killed. The instances
 * run with DATABASE_REPLICA_MAX_LAG=1s (global-setup.ts): a writer stays on the primary 4 s.
 */
import { describe, expect, it } from 'vitest';
import { anonymous, signedIn, sleep } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;
/** No retries: a failed read is seen, not hidden by the client. */
const reader = anonymous(info, 0);

/** Public reads of `userId`'s tweets, profile and timeline, `times` each. */
async function publicReads(userId: number, times: number) {
  for (let i = 0; i < times; i++) {
    await reader.tweet.byAuthor.query({ userId });
    await reader.user.byId.query({ userId });
    await reader.timeline.user.query({ userId });
  }
}

/** Until the replica serves reads again (after a stall or a restart). */
async function replicaServes(userId: number) {
  await expect
    .poll(
      async () => {
        const before = await cluster.replicaSet.selectCount('replica');
        await publicReads(userId, 5);
        return (await cluster.replicaSet.selectCount('replica')) - before;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBeGreaterThanOrEqual(15);
}

describe('read replicas', () => {
  it('serve the public reads: the replica counts them, and the primary does not', async () => {
    const { user, api } = await signedIn(info, 'reader');
    await api.tweet.create.mutate({ text: 'read me from the replica' });
    await cluster.replicaSet.waitForReplicaCatchUp();
    await sleep(4500); // past the writer’s stickiness, for the signed-in read below
    await replicaServes(user.id);

    const before = {
      primary: await cluster.replicaSet.selectCount('primary'),
      replica: await cluster.replicaSet.selectCount('replica'),
    };
    await publicReads(user.id, 30);
    // A signed-in read that has not written lately: the session is checked on the primary, the
    // timeline read on the replica.
    for (let i = 0; i < 30; i++) await api.timeline.home.query({});
    const primary = (await cluster.replicaSet.selectCount('primary')) - before.primary;
    const replica = (await cluster.replicaSet.selectCount('replica')) - before.replica;
    // 90 public reads (one or two statements each) and 30 timelines (two or three statements).
    expect(replica).toBeGreaterThanOrEqual(90 + 60);
    // The primary: the 30 session checks, the heartbeats and the live hubs' reads of the event log.
    expect(primary).toBeLessThan(replica / 2);
  });

  it('keep a writer on the primary while the replica is stalled, and stop serving once it is too far behind', async () => {
    const { user, api } = await signedIn(info, 'writer');
    await cluster.replicaSet.waitForReplicaCatchUp();
    await sleep(4500);
    await replicaServes(user.id);

    await cluster.replicaSet.stopReplicaSql();
    try {
      const stalledAt = Date.now();
      const tweet = await api.tweet.create.mutate({ text: 'written while replication is stopped' });
      // The writer sees it at once, and for as long as the replica stays behind.
      expect((await api.timeline.home.query({})).items.map((t) => t.id)).toContain(tweet.id);
      // A public reader is served by the replica, which does not have it yet: proof of where it reads.
      expect((await reader.tweet.byAuthor.query({ userId: user.id })).items).toEqual([]);

      // Once the replica is more than a second behind, every read goes to the primary.
      await expect
        .poll(async () => (await reader.tweet.byAuthor.query({ userId: user.id })).items.map((t) => t.id), {
          timeout: 10_000,
          interval: 100,
        })
        .toEqual([tweet.id]);
      const fellBackAfter = Date.now() - stalledAt;
      expect(fellBackAfter).toBeGreaterThan(900);
      expect(fellBackAfter).toBeLessThan(4000);
      for (let i = 0; i < 14; i++) {
        expect((await api.timeline.home.query({})).items.map((t) => t.id)).toContain(tweet.id);
        expect((await reader.user.byId.query({ userId: user.id })).tweetCount).toBe(1);
        await sleep(300); // past the writer's stickiness by the end
      }
    } finally {
      await cluster.replicaSet.startReplicaSql();
    }
    await cluster.replicaSet.waitForReplicaCatchUp();
    await replicaServes(user.id);
  });

  it('let reads survive the replica being killed, and use it again once it is back', async () => {
    const { user, api } = await signedIn(info, 'survivor');
    await api.tweet.create.mutate({ text: 'still readable' });
    await cluster.replicaSet.waitForReplicaCatchUp();
    await sleep(4500);
    await replicaServes(user.id);

    await cluster.replicaSet.killReplica();
    try {
      // Straight away: reads on pooled connections to the dead replica run again on the primary.
      for (let i = 0; i < 20; i++) {
        expect((await reader.tweet.byAuthor.query({ userId: user.id })).items).toHaveLength(1);
        expect((await api.timeline.home.query({})).items).toHaveLength(1);
      }
      const ready = await (await fetch(`${info.instances[0]?.url}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'ok', database: { ready: true, replicas: { configured: 1, fit: 0 } } });
    } finally {
      await cluster.replicaSet.startReplica();
    }
    await cluster.replicaSet.waitForReplicaCatchUp();
    await replicaServes(user.id);
  });
});
