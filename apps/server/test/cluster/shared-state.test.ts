/**
 * Nothing that matters is kept in one instance: a session ended on one instance ends on the other at
 * once (the claims cache only spares a signature check), an Idempotency-Key holds across instances,
 * and a client's address, and so its rate limit, is the same whichever instance answers.
 */
import { request } from 'node:http';
import { createMiniterClient, TRPCClientError } from '@miniter/api/client';
import { describe, expect, it } from 'vitest';
import { signedIn } from './clients.ts';
import { useCluster } from './control.ts';

const cluster = useCluster();
const { info } = cluster;
const [a, b] = info.instances as [(typeof info.instances)[0], (typeof info.instances)[0]];

/** A client of one instance, not through HAProxy. */
const direct = (url: string, token: string) => createMiniterClient({ url: `${url}/trpc`, token, retries: 0 });

/** A JSON POST to HAProxy from the loopback address `from` (any 127.x.y.z is this machine). */
function postFrom(from: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(
        `${info.url}${path}`,
        { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    },
  );
}

describe('state shared by the instances', () => {
  it('ends a session everywhere at once: logged out on one instance, refused by the other', async () => {
    const { token } = await signedIn(info, 'revoked');
    const [onA, onB] = [direct(a.url, token), direct(b.url, token)];
    // Both instances have verified (and cached) the token's claims.
    await onA.user.me.query();
    await onB.user.me.query();
    await onA.auth.logout.mutate();
    const refused = await onB.user.me.query().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('holds an Idempotency-Key across instances: the repeat on the other one writes nothing', async () => {
    const { user, token } = await signedIn(info, 'keyed');
    const send = (url: string) =>
      fetch(`${url}/trpc/tweet.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'k-1' },
        body: JSON.stringify({ text: 'once across instances' }),
      });
    const first = await send(a.url);
    const again = await send(b.url);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const rows = await cluster.replicaSet.sql(
      'primary',
      `SELECT COUNT(*) FROM tweets WHERE user_id = ${user.id}`,
      'app',
    );
    expect(rows).toEqual([['1']]);
  });

  it("counts a client's sign-ups per address across both instances (TRUST_PROXY=1: HAProxy's X-Forwarded-For)", async () => {
    const limited = { RATE_LIMIT_SIGNUP_PER_IP: '4/30m' };
    const restartAll = async (env?: Record<string, string>) => {
      for (const instance of cluster.instances) {
        await instance.stop();
        await instance.start(env);
        await cluster.haproxy.waitForUp(['a', 'b']);
      }
    };
    await restartAll(limited);
    try {
      // Addresses of this test's own: the counts of 127.0.0.1, every other test's, live in Redis.
      const address = () => `127.${Math.floor(Math.random() * 250) + 2}.${Math.floor(Math.random() * 250) + 2}.9`;
      const from = address();
      const tag = Date.now().toString(36);
      const signUp = (n: number, address = from) =>
        postFrom(address, '/trpc/auth.signUp', {
          name: 'limited',
          email: `l${tag}${n}@example.com`,
          password: 'password123',
        });
      const answers = [];
      for (let n = 0; n < 5; n++) answers.push(await signUp(n));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
      expect(answers[4]?.headers['retry-after']).toMatch(/^\d+$/);
      // Another address still may.
      expect((await signUp(5, address())).status).toBe(200);

      // Both instances answered, and each saw the client's own address, not HAProxy's.
      const ids = answers.map((r) => String(r.headers['x-request-id']));
      await expect
        .poll(async () => {
          const all = (await cluster.instance('a').logs()).concat(await cluster.instance('b').logs());
          return ids.filter((id) => all.some((line) => line.reqId === id && line.msg === 'request completed')).length;
        })
        .toBe(5);
      const served = (await cluster.instance('a').logs())
        .concat(await cluster.instance('b').logs())
        .filter((line) => ids.includes(String(line.reqId)) && line.msg === 'request completed');
      expect(new Set(served.map((line) => line.instance)).size).toBe(2);
      expect(served.map((line) => line.req?.remoteAddress)).toEqual(Array(5).fill(from));
    } finally {
      await restartAll();
    }
  });
});
