import {
  type AccountData,
  type EntityManager,
  Follow,
  IdempotencyKey,
  Like,
  Tweet,
  TweetMention,
  User,
  UserSearchTerm,
} from '@miniter/db';
import type { MediaStorage } from '../media/storage.ts';
import { type AuthConfig, confirmPassword, logoutEverywhere } from './auth.ts';
import { removeProfilePicture } from './avatars.ts';

/**
 * Deletes the account after checking its password: the user row goes, and with it their tweets and
 * reposts, their likes (others' tweets count them no more), others' reposts of their tweets, mentions
 * of them, follows, search terms, sessions, stream tickets and idempotency keys, so their tokens stop
 * working at once. Pictures go too. Every row is deleted explicitly, none left to a foreign key's
 * cascade: MySQL runs no triggers for cascaded rows (the live timeline's log needs the deletions),
 * and the schema must work without foreign keys (a sharded MySQL such as Vitess has none across shards).
 */
export async function deleteAccount(
  em: EntityManager,
  config: AuthConfig,
  media: MediaStorage,
  user: AccountData,
  password: string,
): Promise<void> {
  const account = em.merge(User, user);
  await confirmPassword(em, config, account, password, 'password');
  await removeProfilePicture(em, media, account);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(Like, { user: account.id });
    await tx.nativeDelete(TweetMention, { userId: account.id });
    // Others' reposts of their tweets go with the tweets.
    await tx.nativeDelete(Tweet, { repostOfUserId: account.id });
    await tx.nativeDelete(Tweet, { author: account.id });
    await tx.nativeDelete(Follow, { $or: [{ user: account.id }, { followed: account.id }] });
    await tx.nativeDelete(IdempotencyKey, { userId: account.id });
    await tx.nativeDelete(UserSearchTerm, { userId: account.id });
    await logoutEverywhere(tx, account);
    await tx.nativeDelete(User, { id: account.id });
  });
}
