/** The Follow buttons a page shows ask whether you follow each person in one call. */
import { describe, expect, it } from 'vitest';
import { maxIdsPerCall, type Relationship, relationshipBatcher } from '../../src/relationships.ts';

const following = new Set([2, 5]);
function recorded() {
  const calls: number[][] = [];
  const lookup = relationshipBatcher(async (userIds) => {
    calls.push(userIds);
    return userIds.map((userId): Relationship => ({ userId, following: following.has(userId) }));
  });
  return { calls, lookup };
}

describe('the relationship batcher', () => {
  it('gathers the lookups of one render into one call, each id once', async () => {
    const { calls, lookup } = recorded();
    const answers = await Promise.all([1, 2, 5, 2].map(lookup));
    expect(answers.map((a) => a.following)).toEqual([false, true, true, true]);
    expect(calls).toEqual([[1, 2, 5]]);
    await lookup(7);
    expect(calls).toEqual([[1, 2, 5], [7]]);
  });

  it(`splits more than ${maxIdsPerCall} ids into calls the server takes`, async () => {
    const { calls, lookup } = recorded();
    await Promise.all(Array.from({ length: 150 }, (_, i) => lookup(i + 1)));
    expect(calls.map((ids) => ids.length)).toEqual([100, 50]);
  });

  it('fails every lookup of a failed call', async () => {
    const lookup = relationshipBatcher(() => Promise.reject(new Error('offline')));
    const results = await Promise.allSettled([lookup(1), lookup(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
