import { describe, expect, it } from 'vitest';
import type { Tweet } from '../../src/api.ts';
import { addWaiting, drop, type Pages, prepend, replace } from '../../src/timeline-cache.ts';

const tweet = (id: number): Tweet => ({
  id,
  text: `tweet ${id}`,
  createdAt: '2026-12-01T00:00:00.000Z',
  author: { id: 1, name: 'A', username: 'a', profilePictureUrl: null },
});
const pages = (...ids: number[][]): Pages => ({
  pages: ids.map((page) => ({ items: page.map(tweet), nextCursor: null })),
  pageParams: ids.map(() => undefined),
});
const idsOf = (cached: Pages) => cached?.pages.map((page) => page.items.map((t) => t.id));

describe('the home timeline’s cache and its waiting live tweets', () => {
  it('puts revealed tweets on top of the first page, none twice', () => {
    expect(idsOf(prepend(pages([5, 4], [3]), [tweet(7), tweet(6), tweet(5)]))).toEqual([[7, 6, 5, 4], [3]]);
    expect(prepend(undefined, [tweet(1)])).toBeUndefined();
  });

  it('keeps a live tweet waiting once, and not one already shown', () => {
    const shown = pages([5, 4]);
    let waiting = addWaiting([], shown, tweet(6));
    waiting = addWaiting(waiting, shown, tweet(6));
    waiting = addWaiting(waiting, shown, tweet(5));
    waiting = addWaiting(waiting, shown, tweet(7));
    expect(waiting.map((t) => t.id)).toEqual([7, 6]);
  });

  it('drops a deleted tweet from whichever page holds it, and swaps a posted one in', () => {
    expect(idsOf(drop(pages([5, 4], [3, 2]), 3))).toEqual([[5, 4], [2]]);
    expect(idsOf(replace(pages([-1, 4]), -1, tweet(9)))).toEqual([[9, 4]]);
  });
});
