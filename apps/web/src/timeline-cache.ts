/**
 * Cached pages of tweets (the timelines, a user's tweets, your likes), the live tweets waiting
 * behind "N new tweets", and what you post as shown before the server answers: pure functions, so
 * the merge rules are tested without a browser (`timeline-cache.test.ts`).
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Tweet, TweetPage } from './api.ts';

export type Pages = InfiniteData<TweetPage> | undefined;

const mapItems = (pages: Pages, change: (items: Tweet[], index: number) => Tweet[]): Pages =>
  pages && { ...pages, pages: pages.pages.map((page, index) => ({ ...page, items: change(page.items, index) })) };

export const ids = (pages: Pages) => new Set(pages?.pages.flatMap((page) => page.items.map((t) => t.id)));

/** `tweets` on top of the first page, but those it holds already. */
export function prepend(pages: Pages, tweets: Tweet[]): Pages {
  const known = ids(pages);
  const fresh = tweets.filter((t) => !known.has(t.id));
  return mapItems(pages, (items, index) => (index === 0 ? [...fresh, ...items] : items));
}

/** Tweet `id` as `change` makes it, on whichever page holds it. */
export const update = (pages: Pages, id: number, change: (tweet: Tweet) => Tweet): Pages =>
  mapItems(pages, (items) => items.map((t) => (t.id === id ? change(t) : t)));

export const replace = (pages: Pages, id: number, tweet: Tweet): Pages => update(pages, id, () => tweet);

/** `tweet` liked by you, or not: its count follows, and liking what you like already changes nothing. */
export const withLike = (tweet: Tweet, liked: boolean): Tweet =>
  tweet.liked === liked ? tweet : { ...tweet, liked, likeCount: Math.max(0, tweet.likeCount + (liked ? 1 : -1)) };

/** `tweet` with `change` more replies (less, when a reply is taken back), never below zero. */
export const withReplies = (tweet: Tweet, change: number): Tweet => ({
  ...tweet,
  replyCount: Math.max(0, tweet.replyCount + change),
});

/**
 * What you post, as shown before the server answers: a negative id (nothing can act on it yet),
 * and, for a reply, whom it answers.
 */
export const pendingTweet = (author: Tweet['author'] | undefined, text: string, inReplyTo?: Tweet): Tweet => ({
  id: -Date.now(),
  text: text.trim(),
  createdAt: new Date().toISOString(),
  author: author ?? { id: 0, name: '…', username: '', profilePictureUrl: null },
  inReplyTo: inReplyTo ? { id: inReplyTo.id, userId: inReplyTo.author.id, username: inReplyTo.author.username } : null,
  mentions: [],
  hashtags: [],
  repostOf: null,
  repostCount: 0,
  reposted: false,
  replyCount: 0,
  likeCount: 0,
  liked: false,
});

export const drop = (pages: Pages, id: number): Pages => mapItems(pages, (items) => items.filter((t) => t.id !== id));

/** A live tweet joins the waiting ones unless it is shown or waiting already; newest first. */
export const addWaiting = (waiting: Tweet[], shown: Pages, tweet: Tweet): Tweet[] =>
  ids(shown).has(tweet.id) || waiting.some((t) => t.id === tweet.id) ? waiting : [tweet, ...waiting];
