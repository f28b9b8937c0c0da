import { type AccountData, type EntityManager, User } from '@miniter/db';
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
  user: AccountData,
  password: string,
): Promise<void> {
  const account = em.merge(User, user);
  await confirmPassword(em, config, account, password);
  await removeProfilePicture(em, media, account);
  await em.nativeDelete(User, { id: account.id });
}
