import type { EntityDictionary, EntityManager } from '@mikro-orm/core';
import type { Tweet } from '../entities/tweet.ts';
import type { User } from '../entities/user.ts';

/** What read paths show of a user: plain data, not a managed entity (entities satisfy it too). */
export type UserData = Pick<User, 'id' | 'name' | 'profile' | 'profilePicture' | 'createdAt'>;

/** A tweet with its author, as plain data. */
export type TweetData = Pick<Tweet, 'id' | 'text' | 'createdAt'> & { author: UserData };

const columns = ['id', 'name', 'email', 'profile', 'profile_picture', 'created_at', 'updated_at'];

/** A user's public columns (of `users` aliased `u`), named `u_<column>` for `userFromRow`. */
export const userColumns = columns.map((column) => `u.${column} as u_${column}`).join(', ');

/** The user selected with `userColumns`, under its column names (as `em.map` takes it). */
export const userRow = (row: Record<string, unknown>) =>
  Object.fromEntries(columns.map((column) => [column, row[`u_${column}`]])) as EntityDictionary<User>;

/**
 * Raw columns to property values, through the ORM's compiled result mapper (the same conversions
 * `em.map` makes, dates included) but without creating or tracking entities, which read paths that
 * change nothing do not need and which cost more than the query.
 */
export function mapColumns<T extends object>(em: EntityManager, entity: new () => T, row: EntityDictionary<T>) {
  return em.getComparator().mapResult(em.getMetadata(entity), row);
}
