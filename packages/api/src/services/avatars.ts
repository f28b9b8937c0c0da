import { type AccountData, type EntityManager, User } from '@miniter/db';
import { acceptedFormats, avatarSizes, detectImageFormat, ImageRejected, processAvatar } from '../media/images.ts';
import type { MediaStorage } from '../media/storage.ts';
import { ServiceError } from './errors.ts';
import { getUser } from './users.ts';

export interface UploadLimits {
  maxBytes: number;
  maxPixels: number;
}

/** The stored objects of a picture whose key base (kept in `users.profile_picture`) is `base`. */
const objectKeys = (base: string) => avatarSizes.map((size) => `${base}-${size}.webp`);

/** The URL of a user's picture at `size`, or null when they have none. */
export function pictureUrl(
  media: MediaStorage,
  user: Pick<User, 'profilePicture'>,
  size: (typeof avatarSizes)[number] = 400,
): string | null {
  return user.profilePicture ? media.url(`${user.profilePicture}-${size}.webp`) : null;
}

/**
 * Validates, re-encodes and stores a new picture, then points the user at it. The row changes only
 * after the objects are stored, so a failure anywhere leaves the previous picture in place.
 */
export async function setProfilePicture(
  em: EntityManager,
  media: MediaStorage,
  limits: UploadLimits,
  user: AccountData,
  bytes: Buffer,
): Promise<AccountData> {
  if (bytes.length === 0) throw new ServiceError('BAD_REQUEST', 'The file is empty', { reason: 'empty_file' });
  if (bytes.length > limits.maxBytes) {
    throw new ServiceError('PAYLOAD_TOO_LARGE', `The picture must be at most ${limits.maxBytes} bytes`, {
      params: { max: limits.maxBytes },
    });
  }
  if (!detectImageFormat(bytes)) {
    throw new ServiceError('UNSUPPORTED_MEDIA_TYPE', `Upload a ${acceptedFormats} image`);
  }
  const avatar = await processAvatar(bytes, limits.maxPixels).catch((error: unknown) => {
    throw error instanceof ImageRejected
      ? new ServiceError('BAD_REQUEST', error.message, { reason: error.reason, params: error.params })
      : error;
  });

  // Keyed by user and content, never by the uploaded name: no two users can collide.
  const base = `avatars/${user.id}/${avatar.hash}`;
  await Promise.all(
    avatarSizes.map((size) => media.put(`${base}-${size}.webp`, avatar.variants.get(size) as Buffer, 'image/webp')),
  );
  const previous = user.profilePicture;
  if (previous === base) return user;
  const account = em.merge(User, user);
  account.profilePicture = base;
  try {
    await em.flush();
  } catch (error) {
    await media.remove(objectKeys(base));
    throw error;
  }
  if (previous) await media.remove(objectKeys(previous));
  return account;
}

/** Idempotent: removing a picture that is not there succeeds. */
export async function removeProfilePicture(em: EntityManager, media: MediaStorage, user: AccountData): Promise<void> {
  const previous = user.profilePicture;
  if (!previous) return;
  em.merge(User, user).profilePicture = null;
  await em.flush();
  await media.remove(objectKeys(previous));
}

export async function getProfilePictureUrl(em: EntityManager, media: MediaStorage, userId: number) {
  const user = await getUser(em, userId);
  const url = pictureUrl(media, user);
  if (!url) throw new ServiceError('NOT_FOUND', `User ${userId} has no profile picture`, { reason: 'not_found' });
  return { url, thumbnailUrl: pictureUrl(media, user, 96) as string };
}
