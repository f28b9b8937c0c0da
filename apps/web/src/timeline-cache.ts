/**
 * Cached pages of tweets (the timelines, a user's tweets, your likes), the live tweets waiting
 * behind "N new tweets", and what you post as shown before the server answers: pure functions, so
 * the merge rules are tested without a browser (`timeline-cache.test.ts`).
 *
 * A list holds entries: a tweet, or a repost (an entry of its own, by the reposter, whose
 * `repostOf` is the tweet it passes on). What is done to a tweet is done wherever it shows, as
 * itself or passed on.
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Tweet, TweetPage } from './api.ts';

export type Pages = InfiniteData<TweetPage> | undefined;

const mapItems = (pages: Pages, change: (items: Tweet[], index: number) => Tweet[]): Pages =>
  pages && { ...pages, pages: pages.pages.map((page, index) => ({ ...page, items: change(page.items, index) })) };

export const ids = (pages: Pages) => new Set(pages?.pages.flatMap((page) => page.items.map((t) => t.id)));

/** The tweet an entry shows: the one a repost passes on, or the entry itself. */
export const shownTweet = (entry: Tweet): Tweet => entry.repostOf ?? entry;

/** Whether `entry` is tweet `id` or passes it on: what goes when `id` is deleted. */
export const isOrPasses = (entry: Tweet, id: number): boolean => entry.id === id || entry.repostOf?.id === id;

/**
 * `tweets` on top of the first page, but those it holds already. Each tweet shows once, at its
 * newest entry (as the home timeline shows them): one passed on anew leaves its older place.
 */
export function prepend(pages: Pages, tweets: Tweet[]): Pages {
  const known = ids(pages);
  const fresh = tweets.filter((t) => !known.has(t.id));
  const moved = new Set(fresh.map((t) => shownTweet(t).id));
  return mapItems(pages, (items, index) => [
    ...(index === 0 ? fresh : []),
    ...items.filter((t) => !moved.has(shownTweet(t).id)),
  ]);
}

/** Tweet `id` as `change` makes it: the entry itself, or the tweet an entry passes on. */
export const changed = (entry: Tweet, id: number, change: (tweet: Tweet) => Tweet): Tweet =>
  entry.id === id ? change(entry) : entry.repostOf?.id === id ? { ...entry, repostOf: change(entry.repostOf) } : entry;

/** Tweet `id` as `change` makes it, on whichever page holds it, as itself or passed on. */
export const update = (pages: Pages, id: number, change: (tweet: Tweet) => Tweet): Pages =>
  mapItems(pages, (items) => items.map((t) => changed(t, id, change)));

export const replace = (pages: Pages, id: number, tweet: Tweet): Pages => update(pages, id, () => tweet);

/** `tweet` liked by you, or not: its count follows, and liking what you like already changes nothing. */
export const withLike = (tweet: Tweet, liked: boolean): Tweet =>
  tweet.liked === liked ? tweet : { ...tweet, liked, likeCount: Math.max(0, tweet.likeCount + (liked ? 1 : -1)) };

/** `tweet` reposted by you, or not: as `withLike`, its count follows. */
export const withRepost = (tweet: Tweet, reposted: boolean): Tweet =>
  tweet.reposted === reposted
    ? tweet
    : { ...tweet, reposted, repostCount: Math.max(0, tweet.repostCount + (reposted ? 1 : -1)) };

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

/** Entry `id` gone, and, a tweet, the reposts that passed it on (they go with it). */
export const drop = (pages: Pages, id: number): Pages =>
  mapItems(pages, (items) => items.filter((t) => !isOrPasses(t, id)));

/**
 * What the home timeline's live 'delete' of entry `id` does: as `drop`, but your own repost taken
 * back (here, or elsewhere) stays where it is, its tweet no longer reposted, to be reposted again,
 * until the timeline is read again (the entry under your focus does not vanish).
 */
export const entryDeleted = (pages: Pages, id: number, myId: number): Pages =>
  mapItems(pages, (items) =>
    items.flatMap((t) =>
      t.id === id && t.repostOf && t.author.id === myId
        ? [{ ...t, repostOf: withRepost(t.repostOf, false) }]
        : isOrPasses(t, id)
          ? []
          : [t],
    ),
  );

/**
 * A live entry joins the waiting ones unless it is shown or waiting already; newest first. A tweet
 * waits once: passed on again, at its newest entry.
 */
export function addWaiting(waiting: Tweet[], shown: Pages, entry: Tweet): Tweet[] {
  if (ids(shown).has(entry.id) || waiting.some((t) => t.id === entry.id)) return waiting;
  const tweetId = shownTweet(entry).id;
  return [entry, ...waiting.filter((t) => shownTweet(t).id !== tweetId)];
}

/**
 * A live repost as you know its tweet: the stream's copy says nothing of what you did (liked,
 * reposted), `known`, the tweet as a list or thread of yours holds it, does.
 */
export const withYourFlags = (entry: Tweet, known: Tweet | undefined): Tweet =>
  entry.repostOf && known
    ? { ...entry, repostOf: { ...entry.repostOf, liked: known.liked, reposted: known.reposted } }
    : entry;
