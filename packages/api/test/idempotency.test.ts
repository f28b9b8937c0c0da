import { IdempotencyKey, sqlEm, Tweet } from '@miniter/db';
import { testDialects, useTestDatabase } from '@miniter/db/testing';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { retrySafeMutations } from '../src/client.ts';
import { appRouter } from '../src/root.ts';
import type { Meta } from '../src/trpc.ts';
import { callerFor, signedIn } from './helpers.ts';

it('the typed client retries exactly the mutations that declare themselves retry-safe', () => {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>;
  const declared = Object.entries(procedures)
    .filter(([, p]) => p._def.type === 'mutation' && p._def.meta?.retrySafe)
    .map(([path]) => path);
  expect(declared.sort()).toEqual([...retrySafeMutations].sort());
});

describe.each(testDialects())('Idempotency-Key on %s', (dialect) => {
  const db = useTestDatabase(dialect);

  /** A caller sending `key`, and the response headers its calls set. */
  async function keyed(key: string) {
    const { token, user } = await signedIn(db().orm);
    const headers = new Map<string, string>();
    const api = (k = key) =>
      callerFor(db().orm, token, { idempotencyKey: k, setHeader: (name, value) => headers.set(name, value) });
    return { api, headers, user, token };
  }
  const tweetsOf = (userId: number) => sqlEm(db().orm).fork().count(Tweet, { author: userId });
  const codeOf = (call: Promise<unknown>) =>
    call.then(
      () => 'resolved',
      (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
    );

  it('a repeated tweet.create returns the first tweet, says so, and writes once', async () => {
    const { api, headers, user } = await keyed('post-1');
    const first = await api().tweet.create({ text: 'only once' });
    expect(headers.has('Idempotent-Replayed')).toBe(false);
    const again = await api().tweet.create({ text: 'only once' });
    expect(again).toEqual(first);
    expect(headers.get('Idempotent-Replayed')).toBe('true');
    expect(await tweetsOf(user.id)).toBe(1);
  });

  it('concurrent repeats wait for the first write and all get its result', async () => {
    const { api, user } = await keyed('burst');
    const results = await Promise.all(Array.from({ length: 8 }, () => api().tweet.create({ text: 'burst' })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await tweetsOf(user.id)).toBe(1);
  });

  it('keys belong to their user, and requests without a key are not deduplicated', async () => {
    const a = await keyed('shared');
    const b = await keyed('shared');
    const [fromA, fromB] = [await a.api().tweet.create({ text: 'x' }), await b.api().tweet.create({ text: 'x' })];
    expect(fromA.id).not.toBe(fromB.id);
    const plain = callerFor(db().orm, a.token);
    await plain.tweet.create({ text: 'x' });
    await plain.tweet.create({ text: 'x' });
    expect(await tweetsOf(a.user.id)).toBe(3);
  });

  it('refuses a key reused for another input or operation (422), and a malformed key (400)', async () => {
    const { api, user } = await keyed('reused');
    const { id } = await api().tweet.create({ text: 'first' });
    expect(await codeOf(api().tweet.create({ text: 'second' }))).toBe('UNPROCESSABLE_CONTENT');
    expect(await codeOf(api().tweet.delete({ tweetId: id }))).toBe('UNPROCESSABLE_CONTENT');
    expect(await tweetsOf(user.id)).toBe(1);
    for (const bad of ['', 'a b', 'é', 'x'.repeat(256)]) {
      expect(await codeOf(api(bad).tweet.create({ text: 'bad key' }))).toBe('BAD_REQUEST');
    }
    expect(await tweetsOf(user.id)).toBe(1);
  });

  it('a refused write stores nothing; a repeated delete answers as the first did', async () => {
    const author = await keyed('unused');
    const { id } = await author.api().tweet.create({ text: 'mine' });
    const other = await keyed('del-1');
    expect(await codeOf(other.api().tweet.delete({ tweetId: id }))).toBe('FORBIDDEN');
    expect(await codeOf(other.api().tweet.delete({ tweetId: id }))).toBe('FORBIDDEN');
    const remover = author.api('del-2');
    expect(await remover.tweet.delete({ tweetId: id })).toEqual({ id });
    expect(await remover.tweet.delete({ tweetId: id })).toEqual({ id });
    expect(await codeOf(callerFor(db().orm, author.token).tweet.delete({ tweetId: id }))).toBe('NOT_FOUND');
  });

  it('forgets a key after 24 hours: then it names a new request', async () => {
    const { api, user } = await keyed('daily');
    await api().tweet.create({ text: 'day one' });
    const em = sqlEm(db().orm).fork();
    await em.nativeUpdate(IdempotencyKey, { userId: user.id }, { createdAt: new Date(Date.now() - 25 * 3600_000) });
    const next = await api().tweet.create({ text: 'day two' });
    expect(next.text).toBe('day two');
    expect(await tweetsOf(user.id)).toBe(2);
    expect(await em.fork().count(IdempotencyKey, { userId: user.id })).toBe(1);
  });
});
