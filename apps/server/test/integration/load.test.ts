/**
 * Load on MySQL: 100 concurrent clients for 30 s of mixed traffic (70 % timeline reads, 20 % tweets,
 * 10 % follow/unfollow). No 5xx, no acknowledged write lost, no follow row doubled.
 * MINITER_LOAD_SECONDS shortens or lengthens the run.
 */
import { sqlEm, Tweet } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

const clients = 100;
const seconds = Number(process.env.MINITER_LOAD_SECONDS ?? 30);
const onMysql = testDialects().includes('mysql');
if (!onMysql) console.log('[load] the load test runs on MySQL only: SKIPPED with it');

describe.runIf(onMysql)('mixed load on MySQL', () => {
  const db = useTestDatabase('mysql');
  const server = useHttpServer(() => db().orm);

  async function call(path: string, token: string, input: unknown, query: boolean) {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const res = query
      ? await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return { status: res.status, body: (await res.json()) as { result?: { data: { id?: number } } } };
  }

  it(`serves ${clients} clients for ${seconds} s without a 5xx or a lost write`, {
    timeout: (seconds + 120) * 1000,
  }, async () => {
    const users = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const email = `load${i}@example.com`;
        const post = (path: string, body: unknown) =>
          fetch(`${server.url}/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }).then((r) => r.json() as Promise<{ result: { data: { id: number; accessToken: string } } }>);
        const { id } = (await post('auth.signUp', { name: `load ${i}`, email, password: 'password123' })).result.data;
        const { accessToken } = (await post('auth.login', { email, password: 'password123' })).result.data;
        return { id, token: accessToken };
      }),
    );

    const statuses = new Map<number, number>();
    const acknowledged: number[] = [];
    const failures: string[] = [];
    const deadline = Date.now() + seconds * 1000;
    let random = 42;
    const next = () => {
      random = (random * 1_103_515_245 + 12_345) % 2 ** 31;
      return random / 2 ** 31;
    };

    await Promise.all(
      users.map(async (user) => {
        while (Date.now() < deadline) {
          const roll = next();
          const other = users[Math.floor(next() * users.length)] ?? user;
          try {
            const { status, body } =
              roll < 0.7
                ? await call('timeline.home', user.token, { limit: 20 }, true)
                : roll < 0.9
                  ? await call('tweet.create', user.token, { text: `load ${user.id} ${roll}` }, false)
                  : await call(
                      roll < 0.95 ? 'follow.follow' : 'follow.unfollow',
                      user.token,
                      { userId: other.id },
                      false,
                    );
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (roll >= 0.7 && roll < 0.9 && status === 200 && body.result?.data.id)
              acknowledged.push(body.result.data.id);
          } catch (error) {
            failures.push(String(error));
          }
        }
      }),
    );

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      `[load] ${total} calls in ${seconds} s by ${clients} clients: ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);

    const em = sqlEm(db().orm).fork();
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    expect(await em.count(Tweet, { id: { $in: acknowledged } })).toBe(acknowledged.length);
    expect(await em.count(Tweet, {})).toBe(acknowledged.length);
    const doubled = await em
      .getConnection()
      .execute(
        'select user_id, follow_user_id from users_follow_list group by user_id, follow_user_id having count(*) > 1',
      );
    expect(doubled).toEqual([]);
  });
});
