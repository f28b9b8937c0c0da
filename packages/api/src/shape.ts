/**
 * Output shapes: an explicit pick of public fields, so nothing else (emails, hashes) can leak.
 * Ids are numbers and timestamps ISO-8601 strings: plain JSON without a transformer. They take plain
 * data (`UserData`, `TweetData`), which entities also satisfy.
 */
import {
  type AccountData,
  type FollowListEntry,
  followId,
  type LikedTweet,
  type Page,
  type Thread,
  type TweetData,
  type TweetPage,
  type TweetPerson,
  type UserData,
  type UserProfileData,
  type UserSummaryData,
} from '@miniter/db';
import type { MediaStorage } from './media/storage.ts';
import { pictureUrl } from './services/avatars.ts';

export function userSummary(user: UserSummaryData, media: MediaStorage) {
  return { id: user.id, name: user.name, username: user.username, profilePictureUrl: pictureUrl(media, user) };
}

export function publicUser(user: UserData, media: MediaStorage) {
  return { ...userSummary(user, media), profile: user.profile, createdAt: user.createdAt.toISOString() };
}

/** A profile page's user: the public user, their counts, and when they last tweeted. */
export function profileView({ user, lastTweetAt, ...counts }: UserProfileData, media: MediaStorage) {
  return { ...publicUser(user, media), ...counts, lastTweetAt: lastTweetAt?.toISOString() ?? null };
}

/** The signed-in user's own account: their public profile and e-mail. */
export function account(user: AccountData, media: MediaStorage) {
  return { ...publicUser(user, media), email: user.email };
}

/** A tweet as every procedure answers it. */
export interface TweetView {
  id: number;
  text: string;
  createdAt: string;
  author: UserSummary;
  /** The tweet this answers (perhaps deleted since) and its author (`username` null once gone). */
  inReplyTo: { id: number; userId: number; username: string | null } | null;
  /** The accounts it mentions (`@username` in its text named them when it was written). */
  mentions: { id: number; username: string }[];
  /** Its hashtags' keys (lower case), each once. */
  hashtags: string[];
  /** A repost: the tweet it passes on (its own text is empty, its author the reposter). */
  repostOf: TweetView | null;
  replyCount: number;
  likeCount: number;
  repostCount: number;
  /** Whether the reader liked it, reposted it (false when signed out). */
  liked: boolean;
  reposted: boolean;
}

export function tweet(t: TweetData, media: MediaStorage): TweetView {
  return {
    id: t.id,
    text: t.text,
    createdAt: t.createdAt.toISOString(),
    author: userSummary(t.author, media),
    inReplyTo: t.inReplyTo && { id: t.inReplyTo.id, userId: t.inReplyTo.userId, username: t.inReplyTo.username },
    mentions: t.mentions.map((m) => ({ id: m.id, username: m.username })),
    hashtags: t.hashtags,
    repostOf: t.repostOf && tweet(t.repostOf, media),
    replyCount: t.replyCount,
    likeCount: t.likeCount,
    repostCount: t.repostCount,
    liked: t.liked,
    reposted: t.reposted,
  };
}

/** A tweet's thread: the tweet, what it answers up the chain, and a page of replies below it. */
export function thread(found: Thread, media: MediaStorage) {
  return {
    tweet: tweet(found.tweet, media),
    ancestors: found.ancestors.map((t) => tweet(t, media)),
    descendants: found.descendants.map((t) => ({ ...tweet(t, media), depth: t.depth })),
    nextCursor: found.nextCursor,
  };
}

/** Who liked a tweet, each with their like's id (by which the list pages). */
export function likerPage(page: Page<TweetPerson>, media: MediaStorage) {
  const items = page.items.map((entry) => ({ ...publicUser(entry.user, media), likeId: entry.entryId }));
  return { items, nextCursor: page.nextCursor };
}

/** Who reposted a tweet, each with their repost's id (by which the list pages). */
export function reposterPage(page: Page<TweetPerson>, media: MediaStorage) {
  const items = page.items.map((entry) => ({ ...publicUser(entry.user, media), repostId: entry.entryId }));
  return { items, nextCursor: page.nextCursor };
}

/** Tweets someone liked, each with their like's id (by which the list pages). */
export function likedTweetPage(page: Page<LikedTweet>, media: MediaStorage) {
  const items = page.items.map((entry) => ({ ...tweet(entry.tweet, media), likeId: entry.likeId }));
  return { items, nextCursor: page.nextCursor };
}

export function tweetPage(page: TweetPage, media: MediaStorage) {
  const items = page.items.map((t) => tweet(t, media));
  const authors = page.authors?.map((profile) => profileView(profile, media));
  return { items, nextCursor: page.nextCursor, ...(authors && { authors }) };
}

export function userPage(page: Page<UserData>, media: MediaStorage) {
  return { items: page.items.map((user) => publicUser(user, media)), nextCursor: page.nextCursor };
}

/**
 * Someone in a follow list, with the follow's id there (which pages as Mastodon's lists do).
 * Optional in the type only, so that a follow list's page is also a page of people (the web's
 * people lists take search results and follow lists alike); every follow list's item has it.
 */
export type FollowListUser = PublicUser & { followId?: string };

export function followPage(page: Page<FollowListEntry>, media: MediaStorage) {
  const items = page.items.map(
    (entry): FollowListUser => ({ ...publicUser(entry.user, media), followId: followId(entry.position) }),
  );
  return { items, nextCursor: page.nextCursor };
}

export type UserSummary = ReturnType<typeof userSummary>;
export type PublicUser = ReturnType<typeof publicUser>;
