import { countUserActivity, type EntityManager, User } from '@miniter/db';
import { ServiceError } from './errors.ts';

export async function getUser(em: EntityManager, userId: number): Promise<User> {
  const user = await em.findOne(User, userId);
  if (!user) throw new ServiceError('NOT_FOUND', `User ${userId} does not exist`);
  return user;
}

export async function getUserWithCounts(em: EntityManager, userId: number) {
  const user = await getUser(em, userId);
  return { user, ...(await countUserActivity(em, userId)) };
}
