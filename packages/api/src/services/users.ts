import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  type AccountData,
  countAccountsAndTweets,
  type EntityManager,
  findMostFollowedIds,
  findSuggestions,
  findUserProfileByUsername,
  findUserProfiles,
  type Orm,
  type Page,
  readConnection,
  readFromReplicas,
  type SearchCursor,
  searchUsers,
  sqlEm,
  User,
  type UserData,
  type UserProfileData,
  writeSearchTerms,
} from '@miniter/db';
import DataLoader from 'dataloader';
import { usernameTaken } from './auth.ts';
import { countedPerDatabase } from './counted.ts';
import { ServiceError } from './errors.ts';
import type { PageParams } from './timelines.ts';

export async function getUser(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, userId, { connectionType: readConnection(em) });
  if (!user) throw userNotFound(userId);
  return user;
}

export const userNotFound = (userId: number) => notFound(`User ${userId} does not exist`);

export type ProfileLoader = DataLoader<number, UserProfileData | null>;

/**
 * Loads the profiles that the calls of one request ask for together: a batch of `user.byId` calls
 * is one statement. One per request, so nothing is cached across requests. Only `user.byId`, a
 * public read, uses it: it may read a replica.
 */
export function profileLoader(orm: Orm): ProfileLoader {
  return new DataLoader(async (ids) => {
    const found = await findUserProfiles(readFromReplicas(sqlEm(orm).fork()), ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A user with their follower, following and tweet counts, as plain data. */
export async function getUserProfile(profiles: ProfileLoader, userId: number) {
  const profile = await profiles.load(userId);
  if (!profile) throw notFound(`User ${userId} does not exist`);
  return profile;
}

/** The same, by handle in any case. */
export async function getUserProfileByUsername(em: EntityManager, username: string) {
  const profile = await findUserProfileByUsername(em, username);
  if (!profile) throw notFound(`There is no @${username}`);
  return profile;
}

const notFound = (message: string) => new ServiceError('NOT_FOUND', message, { reason: 'not_found' });

export interface ProfileChanges {
  name?: string | undefined;
  username?: string | undefined;
  profile?: string | undefined;
}

/**
 * Changes the signed-in user's name, handle or bio; a new name's search terms are written with it.
 * The old handle is free at once; a handle someone else has is a CONFLICT naming the field.
 */
export async function updateProfile(em: EntityManager, user: AccountData, changes: ProfileChanges): Promise<User> {
  const account = em.merge(User, user);
  const renamed = changes.name !== undefined && changes.name !== account.name;
  if (changes.name !== undefined) account.name = changes.name;
  if (changes.username !== undefined) account.username = changes.username;
  if (changes.profile !== undefined) account.profile = changes.profile;
  try {
    await em.transactional(async (tx) => {
      await tx.flush();
      if (renamed) await writeSearchTerms(tx, account.id, account.name, true);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw usernameTaken();
    throw error;
  }
  return account;
}

/** People by handle or name (`searchUsers`): exact handle, handle prefix, then name words. */
export function findPeople(em: EntityManager, query: string, page: PageParams<SearchCursor>): Promise<Page<UserData>> {
  return searchUsers(em, { query, ...page });
}

/** How many of the most followed accounts are kept to fill suggestions. */
const popularCount = 100;

/**
 * The most followed accounts, counted at most every few minutes per database (a scan of the
 * followers index is too much for every new user's home page). A short list, on a young network
 * whose scan is cheap, is not kept.
 */
const mostFollowed = countedPerDatabase(
  5 * 60_000,
  (em) => findMostFollowedIds(em, popularCount),
  (ids) => ids.length >= popularCount,
);

/** How many accounts and tweets there are: counting every tweet is a scan, so at most every minute. */
export const instanceStats = countedPerDatabase(60_000, countAccountsAndTweets);

/**
 * People to follow: those most followed by the people you follow lately, then the most followed
 * overall; never yourself or anyone you follow.
 */
export async function suggestPeople(em: EntityManager, user: { id: number }, limit: number): Promise<UserData[]> {
  return findSuggestions(em, { userId: user.id, limit, popular: await mostFollowed(em) });
}
