import type { EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { User } from '../entities/user.ts';

/** A user's public columns (of `users` aliased `u`), named `u_<column>` for `mapUser`. */
export const userColumns = ['id', 'name', 'email', 'profile', 'profile_picture', 'created_at', 'updated_at']
  .map((column) => `u.${column} as u_${column}`)
  .join(', ');

/** The user selected with `userColumns`, as a managed entity (no extra query). */
export function mapUser(em: EntityManager, row: Record<string, unknown>): User {
  return em.map(User, {
    id: row.u_id,
    name: row.u_name,
    email: row.u_email,
    profile: row.u_profile,
    profile_picture: row.u_profile_picture,
    created_at: row.u_created_at,
    updated_at: row.u_updated_at,
  } as EntityDictionary<User>);
}
