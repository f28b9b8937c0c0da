import {
  type EntityManager,
  type FollowCursor,
  type FollowListEntry,
  findFollowList,
  findHashtagTimeline,
  findPublicTimeline,
  findTimeline,
  findUserTimeline,
  type Page,
  searchHashtags,
  type TweetPage,
  type UserSummaryData,
} from '@miniter/db';
import { getUser, userNotFound } from './users.ts';

export interface PageParams<K> {
  after?: K | undefined;
  limit: number;
}

/** A follow list's page: also a lower bound, and whether to take the page just above it (`FollowListQuery`). */
export interface FollowListPageParams extends PageParams<FollowCursor> {
  since?: FollowCursor | undefined;
  oldestFirst?: boolean | undefined;
}

/** A timeline's page: also a lower bound, and whether to take the page just above it (`TimelinePage`). */
export interface TimelinePageParams extends PageParams<number> {
  since?: number | undefined;
  oldestFirst?: boolean | undefined;
  withAuthors?: boolean | undefined;
  /** Who reads the page: whether they liked each tweet. */
  readerId?: number | undefined;
  /** Without replies to others, or without reposts (a user's timeline only). */
  excludeReplies?: boolean | undefined;
  excludeReposts?: boolean | undefined;
}

/** The signed-in user's tweets and those of everyone they follow. */
export function homeTimeline(em: EntityManager, user: UserSummaryData, page: TimelinePageParams): Promise<TweetPage> {
  return findTimeline(em, { userId: user.id, includeFollowed: true, ...page });
}

/** The tweets carrying the tag whose key is `tag`, newest first. */
export function hashtagTimeline(em: EntityManager, tag: string, page: TimelinePageParams): Promise<TweetPage> {
  return findHashtagTimeline(em, tag, page);
}

/** Hashtags (keys) that start with `prefix`, in order. */
export function hashtagsStartingWith(em: EntityManager, prefix: string, limit: number): Promise<string[]> {
  return searchHashtags(em, prefix, limit);
}

/** Any user's timeline (the book's `/timeline/<user_id>`), or only their own tweets. */
export async function userTimeline(
  em: EntityManager,
  userId: number,
  includeFollowed: boolean,
  page: TimelinePageParams,
): Promise<TweetPage> {
  const found = await findUserTimeline(em, { userId, includeFollowed, ...page });
  if (!found) throw userNotFound(userId);
  return found;
}

export async function followList(
  em: EntityManager,
  userId: number,
  direction: 'followers' | 'following',
  page: FollowListPageParams,
): Promise<Page<FollowListEntry>> {
  await getUser(em, userId);
  return findFollowList(em, { userId, direction, ...page });
}

/** Everyone's tweets, newest first. */
export function publicTimeline(em: EntityManager, page: TimelinePageParams): Promise<TweetPage> {
  return findPublicTimeline(em, page);
}
