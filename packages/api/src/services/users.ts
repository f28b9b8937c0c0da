import { type EntityManager, findUserProfile, User } from '@miniter/db';
import { ServiceError } from './errors.ts';

export async function getUser(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, userId);
  if (!user) throw notFound(userId);
  return user;
}

/** A user with their follower, following and tweet counts, as plain data. */
export async function getUserProfile(em: EntityManager, userId: number) {
  const profile = await findUserProfile(em, userId);
  if (!profile) throw notFound(userId);
  return profile;
}

const notFound = (userId: number) => new ServiceError('NOT_FOUND', `User ${userId} does not exist`);
