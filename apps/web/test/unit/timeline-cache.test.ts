import { describe, expect, it } from 'vitest';
import type { Tweet } from '../../src/api.ts';
import {
  addWaiting,
  drop,
  entryDeleted,
  isOrPasses,
  type Pages,
  pendingTweet,
  prepend,
  replace,
  shownTweet,
  update,
  withLike,
  withReplies,
  withRepost,
  withYourFlags,
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
/** Entry `id`, by user `by`, passing on tweet `of`. */
const repost = (id: number, of: number, by = 2): Tweet => ({
  ...tweet(id),
  text: '',
  author: { id: by, name: 'R', username: `r${by}`, profilePictureUrl: null },
  repostOf: tweet(of),
});
/** Pages of entries as they are given. */
const entries = (...lists: Tweet[][]): Pages => ({
  pages: lists.map((items) => ({ items, nextCursor: null })),
  pageParams: lists.map(() => undefined),
});
/** Each entry as `id` or `id>tweet` (a repost of tweet). */
const shape = (cached: Pages) =>
  cached?.pages.map((page) => page.items.map((t) => (t.repostOf ? `${t.id}>${t.repostOf.id}` : `${t.id}`)));

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

describe('reposts in a list of tweets', () => {
  it('shows the tweet a repost passes on, and the entry of a tweet as itself', () => {
    expect(shownTweet(repost(9, 3)).id).toBe(3);
    expect(shownTweet(tweet(3)).id).toBe(3);
    expect([isOrPasses(repost(9, 3), 3), isOrPasses(repost(9, 3), 9), isOrPasses(repost(9, 3), 4)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('reposts and takes back a tweet wherever it shows, itself or passed on, its count following', () => {
    const cached = entries([repost(9, 3), tweet(5)], [tweet(3), repost(8, 4)]);
    const reposted = update(cached, 3, (t) => withRepost(t, true));
    expect(reposted?.pages[0]?.items[0]?.repostOf).toMatchObject({ id: 3, reposted: true, repostCount: 1 });
    // The entry's own flags are not the tweet's: the repost entry itself is untouched.
    expect(reposted?.pages[0]?.items[0]).toMatchObject({ id: 9, reposted: false, repostCount: 0 });
    expect(reposted?.pages[1]?.items[0]).toMatchObject({ id: 3, reposted: true, repostCount: 1 });
    expect(reposted?.pages[1]?.items[1]?.repostOf).toMatchObject({ id: 4, reposted: false });
    // Twice the same as once; taken back, never below zero.
    expect(withRepost(withRepost(tweet(1), true), true).repostCount).toBe(1);
    expect(withRepost(withRepost(tweet(1), true), false)).toMatchObject({ reposted: false, repostCount: 0 });
    expect(withRepost({ ...tweet(1), reposted: true }, false).repostCount).toBe(0);
    // A like of the tweet reaches it passed on too.
    expect(update(cached, 4, (t) => withLike(t, true))?.pages[1]?.items[1]?.repostOf?.liked).toBe(true);
  });

  it('drops a deleted tweet with the reposts that passed it on, and a repost taken back alone', () => {
    const cached = entries([repost(9, 3), tweet(5)], [tweet(3), repost(8, 4)]);
    expect(shape(drop(cached, 3))).toEqual([['5'], ['8>4']]);
    expect(shape(drop(cached, 9))).toEqual([['5'], ['3', '8>4']]);
  });

  it('keeps your own repost, taken back, where it is, its tweet no longer reposted', () => {
    const mine = { ...repost(9, 3, 7), repostOf: { ...tweet(3), reposted: true, repostCount: 2 } };
    const cached = entries([mine, repost(8, 4), tweet(5)]);
    const after = entryDeleted(cached, 9, 7);
    expect(shape(after)).toEqual([['9>3', '8>4', '5']]);
    expect(after?.pages[0]?.items[0]?.repostOf).toMatchObject({ reposted: false, repostCount: 1 });
    // Someone else's goes; the tweet deleted goes with every repost of it, yours too.
    expect(shape(entryDeleted(cached, 8, 7))).toEqual([['9>3', '5']]);
    expect(shape(entryDeleted(cached, 3, 7))).toEqual([['8>4', '5']]);
    expect(shape(entryDeleted(cached, 5, 7))).toEqual([['9>3', '8>4']]);
  });

  it('keeps a tweet waiting once, at its newest entry, but a repost of one shown waits to bring it up', () => {
    const shown = entries([tweet(5), tweet(4)]);
    let waiting = addWaiting([], shown, tweet(6));
    waiting = addWaiting(waiting, shown, repost(7, 6));
    waiting = addWaiting(waiting, shown, repost(8, 4));
    waiting = addWaiting(waiting, shown, repost(8, 4));
    waiting = addWaiting(waiting, shown, repost(9, 6, 3));
    expect(waiting.map((t) => (t.repostOf ? `${t.id}>${t.repostOf.id}` : `${t.id}`))).toEqual(['9>6', '8>4']);
  });

  it('shows each tweet once when the waiting ones come in: a repost takes its tweet’s older place', () => {
    const cached = entries([tweet(5), repost(4, 2)], [tweet(3), tweet(2)]);
    expect(shape(prepend(cached, [repost(9, 3), repost(8, 2), tweet(7)]))).toEqual([['9>3', '8>2', '7', '5'], []]);
    // What you post, as before: on top, none twice.
    expect(shape(prepend(cached, [tweet(5), tweet(-1)]))).toEqual([
      ['-1', '5', '4>2'],
      ['3', '2'],
    ]);
  });

  it('tells a live repost what you did to its tweet, which the stream does not say', () => {
    const known = { ...tweet(3), liked: true, reposted: true, likeCount: 4 };
    const live = { ...repost(9, 3), repostOf: { ...tweet(3), likeCount: 5, repostCount: 2 } };
    expect(withYourFlags(live, known).repostOf).toMatchObject({
      liked: true,
      reposted: true,
      likeCount: 5,
      repostCount: 2,
    });
    expect(withYourFlags(live, undefined)).toBe(live);
    expect(withYourFlags(tweet(3), known)).toEqual(tweet(3));
  });
});
