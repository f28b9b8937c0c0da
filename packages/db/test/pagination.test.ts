import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from '../src/pagination.ts';

describe('cursor encoding', () => {
  it('round-trips a key and hides its shape', () => {
    const cursor = encodeCursor([1732630000123, 42]);
    expect(cursor).not.toContain('42');
    expect(decodeCursor(cursor, 2)).toEqual([1732630000123, 42]);
  });

  it.each([
    ['empty', ''],
    ['not base64url', '***'],
    ['wrong arity', encodeCursor([1, 2])],
    ['negative', Buffer.from('-1').toString('base64url')],
    ['not a number', Buffer.from('abc').toString('base64url')],
    ['too long', 'A'.repeat(100)],
  ])('rejects a cursor that is %s', (_, cursor) => {
    expect(decodeCursor(cursor, 1)).toBeNull();
  });

  it('fetches one extra row to tell whether a next page exists', () => {
    expect(toPage([5, 4, 3], 2, (n) => [n])).toEqual({ items: [5, 4], nextCursor: encodeCursor([4]) });
    expect(toPage([5, 4], 2, (n) => [n])).toEqual({ items: [5, 4], nextCursor: null });
    expect(toPage([], 2, (n) => [n])).toEqual({ items: [], nextCursor: null });
  });
});
