/**
 * Output shapes: an explicit pick of public fields, so nothing else (emails, hashes) can leak.
 * Ids are numbers and timestamps ISO-8601 strings: plain JSON without a transformer.
 */
import type { FollowListEntry, Page, Tweet, User } from '@miniter/db';

export function userSummary(user: User) {
  return { id: user.id, name: user.name, profilePictureUrl: user.profilePicture ?? null };
}

export function publicUser(user: User) {
  return { ...userSummary(user), profile: user.profile, createdAt: user.createdAt.toISOString() };
}

export function tweet(t: Tweet) {
  return { id: t.id, text: t.text, createdAt: t.createdAt.toISOString(), author: userSummary(t.author) };
}

export function tweetPage(page: Page<Tweet>) {
  return { items: page.items.map(tweet), nextCursor: page.nextCursor };
}

export function userPage(page: Page<FollowListEntry>) {
  return { items: page.items.map((e) => userSummary(e.user)), nextCursor: page.nextCursor };
}

export type UserSummary = ReturnType<typeof userSummary>;
export type PublicUser = ReturnType<typeof publicUser>;
export type TweetView = ReturnType<typeof tweet>;
