import { describe, expect, it } from 'vitest';
import type { Tweet } from '../../src/api.ts';
import {
  addWaiting,
  drop,
  type Pages,
  pendingTweet,
  prepend,
  replace,
  update,
  withLike,
  withReplies,
} from '../../src/timeline-cache.ts';

const tweet = (id: number): Tweet => ({
  id,
  text: `tweet ${id}`,
  createdAt: '2026-12-01T00:00:00.000Z',
  author: { id: 1, name: 'A', username: 'a', profilePictureUrl: null },
  inReplyTo: null,
  mentions: [],
  hashtags: [],
  repostOf: null,
  repostCount: 0,
  reposted: false,
  replyCount: 0,
  likeCount: 0,
  liked: false,
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

  it('likes and unlikes a tweet wherever it is, its count following, twice the same as once', () => {
    const liked = update(pages([5, 4], [3]), 3, (t) => withLike(t, true));
    expect(liked?.pages[1]?.items[0]).toMatchObject({ id: 3, liked: true, likeCount: 1 });
    expect(liked?.pages[0]?.items.map((t) => t.liked)).toEqual([false, false]);
    const again = update(liked, 3, (t) => withLike(t, true));
    expect(again?.pages[1]?.items[0]).toMatchObject({ liked: true, likeCount: 1 });
    const unliked = update(again, 3, (t) => withLike(t, false));
    expect(unliked?.pages[1]?.items[0]).toMatchObject({ liked: false, likeCount: 0 });
    // A count seen before someone else's unlike never goes below zero.
    expect(withLike({ ...tweet(1), liked: true }, false).likeCount).toBe(0);
  });
});

describe('what you post, before the server answers', () => {
  it('has a negative id, trimmed text, and whom it answers', () => {
    const pending = pendingTweet(undefined, '  hello  ', { ...tweet(7), author: { ...tweet(7).author, id: 3 } });
    expect(pending.id).toBeLessThan(0);
    expect(pending.text).toBe('hello');
    expect(pending.inReplyTo).toEqual({ id: 7, userId: 3, username: 'a' });
    expect(pendingTweet(undefined, 'a tweet').inReplyTo).toBeNull();
  });

  it('counts a reply on what it answers, and takes it back, never below zero', () => {
    expect(withReplies(tweet(1), 1).replyCount).toBe(1);
    expect(withReplies(withReplies(tweet(1), 1), -1).replyCount).toBe(0);
    expect(withReplies(tweet(1), -1).replyCount).toBe(0);
  });
});
