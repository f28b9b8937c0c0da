/**
 * Faults under load, through HAProxy, in bounded loops: a rolling restart (SIGTERM drains each
 * instance: DRAIN_DELAY=2s against HAProxy's 500 ms × 2 checks), an instance killed with SIGKILL
 * during a stream of writes, Redis stopped and started, and the primary killed and started again.
 */
import { TRPCClientError } from '@miniter/api/client';
import { describe, expect, it } from 'vitest';
import { anonymous, signedIn, sleep } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;

/** The stored count of each tweet text that starts with `prefix`, from the primary. */
async function storedTexts(prefix: string): Promise<Map<string, number>> {
  const rows = await cluster.replicaSet.sql(
    'primary',
    `SELECT tweet, COUNT(*) FROM tweets WHERE tweet LIKE '${prefix}%' GROUP BY tweet`,
    'app',
  );
  return new Map(rows.map(([text = '', count = '0']) => [text, Number(count)]));
}

/**
 * A signed-in user's live timeline through HAProxy, as the typed client follows it: a stream its
 * instance interrupts (shutting down) closes without an end, so the client's EventSource reconnects,
 * wherever HAProxy sends it, and resumes from its last event id. Nothing here reopens it.
 */
function follow(api: Awaited<ReturnType<typeof signedIn>>['api']) {
  const seen = new Map<number, number>();
  let ended = false;
  const subscription = api.timeline.live.subscribe(undefined, {
    onData: ({ data }) => {
      if (data.type === 'tweet') seen.set(data.tweet.id, (seen.get(data.tweet.id) ?? 0) + 1);
    },
    onComplete: () => {
      ended = true;
    },
    onError: () => {
      ended = true;
    },
  });
  return { seen, ended: () => ended, close: () => subscription.unsubscribe() };
}

describe('faults under load', () => {
  it('a rolling restart of both instances under load fails no request, and live streams resume by themselves', async () => {
    // No retries in the client: every failed request is seen.
    const writers = await Promise.all([0, 1, 2, 3].map((n) => signedIn(info, `roll${n}`, { retries: 0 })));
    const watcher = await signedIn(info, 'watcher');
    for (const { user } of writers) await watcher.api.follow.follow.mutate({ userId: user.id });
    const live = follow(watcher.api);
    const ping = anonymous(info, 0);

    let running = true;
    const failures: string[] = [];
    const acknowledged: number[] = [];
    let calls = 0;
    const loops = writers.map(async ({ api }, n) => {
      for (let i = 0; running; i++) {
        try {
          acknowledged.push((await api.tweet.create.mutate({ text: `rolling ${n}-${i}` })).id);
          await api.timeline.home.query({ limit: 5 });
          await ping.health.ping.query();
          calls += 3;
        } catch (error) {
          failures.push(`${Date.now()}: ${error}`);
        }
      }
    });
    try {
      await sleep(500);
      for (const name of ['a', 'b']) {
        const instance = cluster.instance(name);
        expect(await instance.stop()).toBe(0);
        await instance.start();
        await cluster.haproxy.waitForUp(['a', 'b']);
      }
      await sleep(500);
    } finally {
      running = false;
      await Promise.all(loops);
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(300);
    // Every acknowledged tweet reached the watcher's stream once, across both of its reconnections.
    try {
      await expect.poll(() => acknowledged.filter((id) => !live.seen.has(id)).length, { timeout: 10_000 }).toBe(0);
      expect([...live.seen.values()].every((count) => count === 1)).toBe(true);
      expect(live.ended()).toBe(false);
    } finally {
      live.close();
    }
  });

  it('kill -9 of an instance during writes: each acknowledged tweet is stored once, retried ones too', async () => {
    // Each attempt of each keyed write, as the typed client sends it (with its retries).
    const attempts = new Map<string, number>();
    const counting: typeof fetch = (input, init) => {
      const key = new Headers(init?.headers).get('idempotency-key');
      if (key) attempts.set(key, (attempts.get(key) ?? 0) + 1);
      return fetch(input, init);
    };
    const writers = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => signedIn(info, `kill${n}`, { fetch: counting })));
    const prefix = `kill-${Date.now()}`;

    let running = true;
    const acknowledged: string[] = [];
    const failed: { text: string; at: number }[] = [];
    const loops = writers.map(async ({ api }, n) => {
      for (let i = 0; running; i++) {
        const text = `${prefix} ${n}-${i}`;
        try {
          await api.tweet.create.mutate({ text });
          acknowledged.push(text);
        } catch {
          failed.push({ text, at: Date.now() });
        }
      }
    });
    let killedAt = 0;
    try {
      await sleep(1000);
      killedAt = Date.now();
      await cluster.instance('a').kill();
      await sleep(2500);
      await cluster.instance('a').start();
      await cluster.haproxy.waitForUp(['a', 'b']);
      await sleep(500);
    } finally {
      running = false;
      await Promise.all(loops);
    }

    const stored = await storedTexts(prefix);
    expect(acknowledged.length).toBeGreaterThan(100);
    for (const text of acknowledged) expect(stored.get(text), text).toBe(1);
    // Nothing twice, even what was written but not acknowledged; nothing stored that was never sent.
    expect([...stored.values()].every((count) => count === 1)).toBe(true);
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(failed.length);
    // Some writes were in flight on the killed instance: sent again, with their keys.
    expect([...attempts.values()].some((count) => count > 1)).toBe(true);
    // What failed, after the client's retries, failed within the health checks' window.
    for (const { at } of failed) expect(at - killedAt).toBeLessThan(2500);
  });

  it('with Redis stopped, calls go on, and live streams catch up, then again once it is back', async () => {
    const poster = await signedIn(info, 'poster', { retries: 0 });
    const watcher = await signedIn(info, 'watcher', { retries: 0 });
    await watcher.api.follow.follow.mutate({ userId: poster.user.id });
    const live = follow(watcher.api);
    let redisDown = false;
    try {
      await sleep(300);
      await cluster.redis.stop();
      redisDown = true;
      // Rate limits cannot be counted: they let calls through (and log it), rather than refuse all.
      const during = await poster.api.tweet.create.mutate({ text: 'while Redis is down' });
      expect(await poster.api.timeline.home.query({})).toMatchObject({ items: [{ id: during.id }] });
      expect(await anonymous(info, 0).health.ping.query()).toBe('pong');
      // The stream's hub reads the event log every 250 ms: Redis only made it sooner.
      await expect.poll(() => live.seen.has(during.id), { timeout: 3000 }).toBe(true);

      await cluster.redis.start();
      redisDown = false;
      await sleep(1000);
      const after = await poster.api.tweet.create.mutate({ text: 'after Redis is back' });
      await expect.poll(() => live.seen.has(after.id), { timeout: 3000 }).toBe(true);
      const [line] = (await cluster.instance('a').logs())
        .concat(await cluster.instance('b').logs())
        .filter((l) => String(l.msg).startsWith('rate limit store failed'));
      expect(line).toBeDefined();
    } finally {
      live.close();
      if (redisDown) await cluster.redis.start();
    }
  });

  it('with the primary down: SERVICE_UNAVAILABLE at once, public reads from the replica, then recovery', async () => {
    const { user, api } = await signedIn(info, 'outage', { retries: 0 });
    await api.tweet.create.mutate({ text: 'before the outage' });
    await cluster.replicaSet.waitForReplicaCatchUp();
    await sleep(4500); // past the writer’s stickiness
    const pids = await Promise.all(cluster.instances.map((i) => i.pid()));

    await cluster.replicaSet.killPrimary();
    try {
      const started = Date.now();
      const error = await api.tweet.create.mutate({ text: 'during the outage' }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toBeInstanceOf(TRPCClientError);
      expect((error as TRPCClientError<never>).data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
      // The instances stay in HAProxy's pool (degraded), and public reads go on from the replica.
      const ready = await (await fetch(`${info.instances[0]?.url}/readyz`)).json();
      expect(ready).toMatchObject({ status: 'degraded', database: { ready: false, replicas: { fit: 1 } } });
      expect((await anonymous(info, 0).tweet.byAuthor.query({ userId: user.id })).items).toHaveLength(1);
    } finally {
      await cluster.replicaSet.startPrimary();
    }
    await expect
      .poll(
        () =>
          api.tweet.create.mutate({ text: 'after the outage' }).then(
            () => true,
            () => false,
          ),
        {
          timeout: 20_000,
          interval: 500,
        },
      )
      .toBe(true);
    // The same processes: nothing had to be restarted.
    expect(await Promise.all(cluster.instances.map((i) => i.pid()))).toEqual(pids);
    await cluster.replicaSet.waitForReplicaCatchUp(20_000);
  });
});
