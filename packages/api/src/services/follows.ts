import {
  deleteFollow,
  type EntityManager,
  findFollowedAmong,
  findFollowing,
  insertFollow,
  type UserSummaryData,
} from '@miniter/db';
import { ServiceError } from './errors.ts';
import { getUser } from './users.ts';

export interface Relationship {
  userId: number;
  following: boolean;
}

// One statement when it changes something; only a no-op asks whether the other user exists
// (NOT_FOUND when not). Then one more says whether they follow you: what a client shows next to the
// button (Mastodon's Relationship) without a read of its own, which the caller may lack the scope for.

/** Whether `targetId` follows `user`, for a follow or unfollow's answer. */
async function followedBy(em: EntityManager, user: UserSummaryData, targetId: number): Promise<boolean> {
  return (await findFollowedAmong(em, user.id, [targetId], 'followers')).has(targetId);
}

/** Idempotent: following someone you already follow succeeds and changes nothing. */
export async function follow(em: EntityManager, user: UserSummaryData, targetId: number): Promise<MutualRelationship> {
  if (targetId === user.id) throw new ServiceError('BAD_REQUEST', 'You cannot follow yourself');
  if (!(await insertFollow(em, user.id, targetId))) await getUser(em, targetId);
  return { userId: targetId, following: true, followedBy: await followedBy(em, user, targetId) };
}

/** Idempotent: unfollowing someone you do not follow succeeds and changes nothing. */
export async function unfollow(
  em: EntityManager,
  user: UserSummaryData,
  targetId: number,
): Promise<MutualRelationship> {
  if (targetId === user.id) throw new ServiceError('BAD_REQUEST', 'You cannot unfollow yourself');
  if (!(await deleteFollow(em, user.id, targetId))) await getUser(em, targetId);
  return { userId: targetId, following: false, followedBy: await followedBy(em, user, targetId) };
}

/** Whether you follow `targetId` (NOT_FOUND when there is no such user). */
export async function relationship(em: EntityManager, user: UserSummaryData, targetId: number): Promise<Relationship> {
  const following = await findFollowing(em, user.id, targetId);
  if (following === null) await getUser(em, targetId);
  return { userId: targetId, following: Boolean(following) };
}

/** A relationship both ways: also whether they follow you. */
export interface MutualRelationship extends Relationship {
  followedBy: boolean;
}

/** Whether you follow each of `userIds` and they you, in their order (ids of nobody: neither). */
export async function relationships(
  em: EntityManager,
  user: { id: number },
  userIds: readonly number[],
): Promise<MutualRelationship[]> {
  const [followed, followers] = await Promise.all([
    findFollowedAmong(em, user.id, userIds),
    findFollowedAmong(em, user.id, userIds, 'followers'),
  ]);
  return userIds.map((userId) => ({ userId, following: followed.has(userId), followedBy: followers.has(userId) }));
}
