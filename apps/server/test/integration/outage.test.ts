/**
 * Database outage: a throwaway MariaDB server (this machine's mariadbd, in a temporary folder) is
 * killed during traffic and started again. /readyz turns 503, calls fail fast with
 * SERVICE_UNAVAILABLE, and the server recovers on its own within 5 s of the database's return.
 */
import { type Orm, openOrm } from '@miniter/db';
import { createMariadbProcess, type MariadbProcess, mariadbProcessUnavailable } from '@miniter/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

const unavailable = mariadbProcessUnavailable();
if (unavailable) console.log(`[outage] SKIPPED: ${unavailable} to run a throwaway database`);

describe.runIf(!unavailable)('a database outage', () => {
  let database: MariadbProcess;
  let orm: Orm;

  beforeAll(async () => {
    database = await createMariadbProcess();
    await database.start();
    orm = await openOrm(database.url('miniter_outage'), { poolSize: 4 });
  }, 60_000);

  const server = useHttpServer(() => orm);

  afterAll(async () => {
    await orm?.close(true);
    await database?.remove();
  });

  const timed = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`);
    const body = (await res.json()) as { error?: { data?: { code?: string } } };
    return { status: res.status, code: body.error?.data?.code, ms: performance.now() - started };
  };

  it('answers 503 quickly while the database is down, and recovers by itself', { timeout: 60_000 }, async () => {
    const signUp = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'steady', email: 'steady@example.com', password: 'password123' }),
    });
    const { id } = ((await signUp.json()) as { result: { data: { id: number } } }).result.data;
    const byId = `/trpc/user.byId?input=${encodeURIComponent(JSON.stringify({ userId: id }))}`;

    // Traffic throughout: four clients, one call after another.
    const seen: { status: number; code?: string | undefined; ms: number }[] = [];
    let running = true;
    const traffic = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) seen.push(await timed(byId));
      }),
    );

    await new Promise((r) => setTimeout(r, 500));
    await database.kill();
    await new Promise((r) => setTimeout(r, 2000));
    const down = await timed('/readyz');
    expect(down.status).toBe(503);
    const duringOutage = await timed(byId);
    expect(duringOutage).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(duringOutage.ms).toBeLessThan(2000);

    await database.start();
    const back = performance.now();
    let recovered = await timed(byId);
    while (recovered.status !== 200 && performance.now() - back < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      recovered = await timed(byId);
    }
    expect(recovered.status).toBe(200);
    expect(performance.now() - back).toBeLessThan(5000);
    expect((await timed('/readyz')).status).toBe(200);

    running = false;
    await traffic;
    expect(seen.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(seen.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(Math.max(...seen.map((s) => s.ms))).toBeLessThan(3000);
  });
});
