import {
  type EntityManager,
  findUserProfiles,
  type Orm,
  readConnection,
  readFromReplicas,
  sqlEm,
  User,
  type UserProfileData,
} from '@miniter/db';
import DataLoader from 'dataloader';
import { ServiceError } from './errors.ts';

export async function getUser(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, userId, { connectionType: readConnection(em) });
  if (!user) throw notFound(userId);
  return user;
}

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
  if (!profile) throw notFound(userId);
  return profile;
}

const notFound = (userId: number) => new ServiceError('NOT_FOUND', `User ${userId} does not exist`);
