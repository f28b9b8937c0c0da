import { type EntityManager, User } from '@miniter/db';
import type { MediaStorage } from '../media/storage.ts';
import { type AuthConfig, confirmPassword } from './auth.ts';
import { removeProfilePicture } from './avatars.ts';

/**
 * Deletes the account after checking its password: the user row goes, and with it (by foreign
 * keys) their tweets, follows and sessions, so their tokens stop working at once. Pictures go too.
 */
export async function deleteAccount(
  em: EntityManager,
  config: AuthConfig,
  media: MediaStorage,
  user: User,
  password: string,
): Promise<void> {
  await confirmPassword(em, config, user, password);
  await removeProfilePicture(em, media, user);
  await em.nativeDelete(User, { id: user.id });
}
