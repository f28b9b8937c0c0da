import { describe, expect, it } from 'vitest';
import type { ThreadPage, Tweet } from '../../src/api.ts';
import {
  addReply,
  dropFromThread,
  indentOf,
  maxIndent,
  readThread,
  replaceInThread,
  type ThreadPages,
  updateInThread,
} from '../../src/thread-cache.ts';
import { withReplies, withRepost } from '../../src/timeline-cache.ts';

const tweet = (id: number, inReplyToId: number | null = null): Tweet => ({
  id,
  text: `tweet ${id}`,
  createdAt: '2026-12-01T00:00:00.000Z',
  author: { id: 1, name: 'A', username: 'a', profilePictureUrl: null },
  inReplyTo: inReplyToId === null ? null : { id: inReplyToId, userId: 1, username: 'a' },
  mentions: [],
  hashtags: [],
  repostOf: null,
  repostCount: 0,
  reposted: false,
  replyCount: 0,
  likeCount: 0,
  liked: false,
});

/** Thread 10 (answering 5, answering 1), its replies as `[id, parent, depth]`, page by page. */
function thread(...pages: Array<Array<[number, number, number]>>): ThreadPages {
  const page = (replies: Array<[number, number, number]>): ThreadPage => ({
    tweet: tweet(10, 5),
    ancestors: [tweet(1), tweet(5, 1)],
    descendants: replies.map(([id, parent, depth]) => ({ ...tweet(id, parent), depth })),
    nextCursor: null,
  });
  return { pages: pages.map(page), pageParams: pages.map(() => undefined) };
}
const shape = (pages: ThreadPages) => pages?.pages.map((page) => page.descendants.map((t) => [t.id, t.depth]));

describe('a thread’s indent', () => {
  it('starts at the direct replies and stops at five steps', () => {
    expect([1, 2, 3, 6, 7, 100].map(indentOf)).toEqual([0, 1, 2, 5, 5, 5]);
    expect(indentOf(maxIndent + 1)).toBe(maxIndent);
    expect(indentOf(0)).toBe(0);
  });
});

describe('reading a cached thread', () => {
  it('takes the first page’s tweet and ancestors, and every page’s replies once', () => {
    const read = readThread(
      thread(
        [
          [11, 10, 1],
          [12, 11, 2],
        ],
        [
          [12, 11, 2],
          [13, 10, 1],
        ],
      ),
    );
    expect(read?.tweet.id).toBe(10);
    expect(read?.ancestors.map((t) => t.id)).toEqual([1, 5]);
    expect(read?.replies.map((t) => t.id)).toEqual([11, 12, 13]);
    expect(read?.answersMissing).toBe(false);
    expect(readThread(undefined)).toBeUndefined();
  });

  it('says when the top of the chain answers a tweet that is gone', () => {
    const pages = thread([]);
    const [first] = pages?.pages ?? [];
    if (!first) throw new Error('no page');
    const orphan = { ...first, ancestors: [tweet(5, 1)] };
    expect(readThread({ pages: [orphan], pageParams: [undefined] })?.answersMissing).toBe(true);
    // No ancestors at all: the tweet itself answers one that is gone.
    const alone = { ...first, ancestors: [] };
    expect(readThread({ pages: [alone], pageParams: [undefined] })?.answersMissing).toBe(true);
    const root = { ...first, tweet: tweet(10), ancestors: [] };
    expect(readThread({ pages: [root], pageParams: [undefined] })?.answersMissing).toBe(false);
  });
});

describe('a reply put into a cached thread', () => {
  const cached = () =>
    thread(
      [
        [11, 10, 1],
        [12, 11, 2],
        [13, 12, 3],
      ],
      [
        [14, 11, 2],
        [15, 10, 1],
      ],
    );

  it('goes last under the thread’s tweet, at depth 1', () => {
    expect(shape(addReply(cached(), tweet(-1, 10)))).toEqual([
      [
        [11, 1],
        [12, 2],
        [13, 3],
      ],
      [
        [14, 2],
        [15, 1],
        [-1, 1],
      ],
    ]);
  });

  it('goes after the whole subtree of what it answers, one deeper, before the next branch', () => {
    const flat = (pages: ThreadPages) => shape(pages)?.flat();
    expect(flat(addReply(cached(), tweet(-1, 12)))).toEqual([
      [11, 1],
      [12, 2],
      [13, 3],
      [-1, 3],
      [14, 2],
      [15, 1],
    ]);
    // On the page where the next branch starts, as the server would page it (after 13, the first page's last).
    expect(shape(addReply(cached(), tweet(-1, 12)))?.[1]?.[0]).toEqual([-1, 3]);
    // 11's subtree goes on to the second page (14): the reply follows 14.
    expect(shape(addReply(cached(), tweet(-1, 11)))?.[1]).toEqual([
      [14, 2],
      [-1, 2],
      [15, 1],
    ]);
  });

  it('leaves a thread that does not show what it answers, or holds it already', () => {
    const pages = cached();
    expect(addReply(pages, tweet(-1, 99))).toBe(pages);
    // What the thread's tweet answers is above it: the reply is another branch.
    expect(addReply(pages, tweet(-1, 5))).toBe(pages);
    expect(addReply(pages, tweet(13, 12))).toBe(pages);
    expect(addReply(pages, tweet(-1))).toBe(pages);
    expect(addReply(undefined, tweet(-1, 10))).toBeUndefined();
  });

  it('is swapped for the stored reply, keeping its depth, or taken back', () => {
    const added = addReply(cached(), tweet(-1, 12));
    const stored = replaceInThread(added, -1, tweet(16, 12));
    expect(shape(stored)?.[1]?.[0]).toEqual([16, 3]);
    expect(shape(dropFromThread(added, -1))).toEqual(shape(cached()));
  });

  it('counts on what it answers wherever the thread shows it, never below zero', () => {
    const counted = updateInThread(cached(), 10, (t) => withReplies(t, 1));
    expect(counted?.pages.map((page) => page.tweet.replyCount)).toEqual([1, 1]);
    const onAncestor = updateInThread(cached(), 5, (t) => withReplies(t, 1));
    expect(onAncestor?.pages[0]?.ancestors.map((t) => t.replyCount)).toEqual([0, 1]);
    const onReply = updateInThread(cached(), 12, (t) => withReplies(t, -1));
    expect(onReply?.pages[0]?.descendants[1]).toMatchObject({ id: 12, depth: 2, replyCount: 0 });
  });

  it('reposts a tweet wherever the thread shows it, and the tweet a repost’s own thread passes on', () => {
    const reposted = updateInThread(cached(), 5, (t) => withRepost(t, true));
    expect(reposted?.pages[0]?.ancestors[1]).toMatchObject({ id: 5, reposted: true, repostCount: 1 });
    // The thread of a repost's own id (the page goes on to its tweet's) holds the repost.
    const ofRepost: ThreadPages = {
      pages: [{ tweet: { ...tweet(20), repostOf: tweet(10) }, ancestors: [], descendants: [], nextCursor: null }],
      pageParams: [undefined],
    };
    const passedOn = updateInThread(ofRepost, 10, (t) => withRepost(t, true));
    expect(passedOn?.pages[0]?.tweet.repostOf).toMatchObject({ id: 10, reposted: true, repostCount: 1 });
  });
});
