/**
 * A tweet's cached thread (`tweet.context`, page by page) and how the thread page reads it: pure
 * functions, so that where a reply goes and how deep it shows are tested without a browser
 * (`thread-cache.test.ts`).
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { ThreadPage, Tweet } from './api.ts';
import { changed } from './timeline-cache.ts';

export type ThreadPages = InfiniteData<ThreadPage> | undefined;
export type Descendant = ThreadPage['descendants'][number];

/** Replies deeper than this show at this indent: a long chain would leave no room for its text. */
export const maxIndent = 5;

/** How many steps a reply `depth` below the thread's tweet is indented (a direct reply: none). */
export const indentOf = (depth: number): number => Math.min(Math.max(depth - 1, 0), maxIndent);

/** What the thread page shows, from its pages: the first one's tweet and ancestors, and every page's replies. */
export function readThread(pages: ThreadPages) {
  const first = pages?.pages[0];
  if (!pages || !first) return undefined;
  // A reply moved to a later page by others' replies meanwhile is shown once, where first seen.
  const seen = new Set<number>();
  const replies = pages.pages
    .flatMap((page) => page.descendants)
    .filter((reply) => !seen.has(reply.id) && Boolean(seen.add(reply.id)));
  // The server stops climbing at a deleted tweet (or after 100): the top one still answers something.
  const top = first.ancestors[0] ?? first.tweet;
  return { tweet: first.tweet, ancestors: first.ancestors, replies, answersMissing: top.inReplyTo !== null };
}

const mapPages = (pages: ThreadPages, change: (page: ThreadPage) => ThreadPage): ThreadPages =>
  pages && { ...pages, pages: pages.pages.map(change) };

/**
 * Tweet `id` as `change` makes it, wherever the thread shows it (a reply keeps its depth), as itself
 * or passed on (the thread of a repost's own id is that repost's).
 */
export const updateInThread = (pages: ThreadPages, id: number, change: (tweet: Tweet) => Tweet): ThreadPages =>
  mapPages(pages, (page) => ({
    ...page,
    tweet: changed(page.tweet, id, change),
    ancestors: page.ancestors.map((t) => changed(t, id, change)),
    descendants: page.descendants.map((t) => (t.id === id ? { ...change(t), depth: t.depth } : t)),
  }));

export const replaceInThread = (pages: ThreadPages, id: number, tweet: Tweet): ThreadPages =>
  updateInThread(pages, id, () => tweet);

/** Reply `id` gone from the thread. */
export const dropFromThread = (pages: ThreadPages, id: number): ThreadPages =>
  mapPages(pages, (page) => ({ ...page, descendants: page.descendants.filter((t) => t.id !== id) }));

/**
 * `reply` where the server will list it: last among the replies below what it answers (replies are
 * oldest first under each tweet, depth first), one level deeper. A thread that does not show what
 * it answers is left as it is, as is one that holds it already.
 */
export function addReply(pages: ThreadPages, reply: Tweet): ThreadPages {
  const parentId = reply.inReplyTo?.id;
  const first = pages?.pages[0];
  if (!pages || !first || parentId === undefined) return pages;
  const entries = pages.pages.flatMap((page, pageIndex) =>
    page.descendants.map((descendant, index) => ({ descendant, pageIndex, index })),
  );
  if (entries.some((entry) => entry.descendant.id === reply.id)) return pages;
  // The thread's own tweet is at depth 0, before every reply.
  const answersRoot = parentId === first.tweet.id;
  const parentAt = answersRoot ? -1 : entries.findIndex((entry) => entry.descendant.id === parentId);
  if (!answersRoot && parentAt === -1) return pages;
  const parentDepth = entries[parentAt]?.descendant.depth ?? 0;
  // The parent's subtree ends before the next reply no deeper than the parent; else at the end of
  // what is loaded (the pages still to come then follow it).
  const next = entries.slice(parentAt + 1).find((entry) => entry.descendant.depth <= parentDepth);
  const lastPage = pages.pages.length - 1;
  const at = next ?? { pageIndex: lastPage, index: pages.pages[lastPage]?.descendants.length ?? 0 };
  const added: Descendant = { ...reply, depth: parentDepth + 1 };
  return {
    ...pages,
    pages: pages.pages.map((page, pageIndex) =>
      pageIndex === at.pageIndex ? { ...page, descendants: page.descendants.toSpliced(at.index, 0, added) } : page,
    ),
  };
}
