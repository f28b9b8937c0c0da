/**
 * Editing one's own profile, `PATCH /api/v1/accounts/update_credentials`: `display_name` is the
 * name, `note` the bio, `avatar` the picture, through `user.updateProfile` and
 * `user.uploadProfilePicture` (which hold the token to `write:accounts`). Miniter has no header
 * picture, locked or bot accounts, directory, profile fields or posting defaults: `header`, `locked`,
 * `bot`, `discoverable`, `hide_collections`, `indexable`, `attribution_domains`, `fields_attributes`
 * and `source[…]` are taken and ignored, as Mastodon drops parameters it does not permit.
 */
import { schemas } from '@miniter/api';
import { getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Caller } from '../../rest/calls.ts';
import { route } from '../calls.ts';
import { credentialAccountOf, credentialAccountSchema } from '../entities/account.ts';
import { flagParam } from '../params.ts';

/** A refusal of the picture as Mastodon words one: its validation failure on `avatar`, a 422. */
function avatarRefused(message: string): TRPCError {
  const issue = { code: 'custom' as const, path: ['avatar'], message, input: undefined };
  // ZodRealError: zod's error that is an Error, which tRPC keeps as the cause (the formatter reads it).
  return new TRPCError({ code: 'BAD_REQUEST', message, cause: new z.ZodRealError([issue]) });
}

// Base64 only, as Mastodon's (Paperclip's) data URIs.
const dataUri = /^data:([-\w]+\/[-\w+.]+)?;base64,(.*)$/s;

/**
 * The picture as a file: a multipart file (masto.js), or a base64 `data:` URI, which Mastodon also
 * takes and megalodon sends; undefined when absent or empty. Anything else is refused.
 */
function avatarOf(value: unknown): File | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof File) return value;
  const uri = typeof value === 'string' ? dataUri.exec(value) : null;
  if (!uri) throw avatarRefused('Send the picture as a file, or as a base64 data: URI');
  return new File([Buffer.from(uri[2] ?? '', 'base64')], 'avatar', { type: uri[1] ?? '' });
}

/** What the procedure refuses of a picture (empty, not an image, too large, unreadable). */
const pictureRefusals: readonly TRPCError['code'][] = ['BAD_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'];

/**
 * The picture through `user.uploadProfilePicture`, whose refusals of the picture itself (415, 413,
 * 400) are Mastodon's validation failure on `avatar`; a refusal of the caller (401, 403, 429) stays.
 */
async function uploadAvatar(caller: Caller, avatar: File): Promise<void> {
  const form = new FormData();
  form.set('file', avatar);
  try {
    await caller.user.uploadProfilePicture(form);
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    throw pictureRefusals.includes(error.code) ? avatarRefused(error.message) : error;
  }
}

/** Taken and ignored: what Miniter's profiles do not have. */
const ignored = (description: string) =>
  z
    .unknown()
    .optional()
    .meta({ description: `Taken and ignored: ${description}` });

export const profileRoutes = [
  route({
    method: 'patch',
    path: '/api/v1/accounts/update_credentials',
    summary: 'Change your name, bio or picture',
    description: 'Answers your account as it now is; a refusal changes nothing.',
    tag: 'accounts',
    scope: 'write:accounts',
    params: z.object({
      display_name: schemas.updateProfileInput.shape.name.meta({ description: 'Your name' }),
      note: schemas.updateProfileInput.shape.profile.meta({ description: 'Your bio, as plain text' }),
      avatar: z
        .string()
        .optional()
        .meta({ description: 'A PNG, JPEG, WebP or GIF picture: a multipart file, or a base64 `data:` URI' }),
      header: ignored('no header pictures'),
      locked: flagParam('Taken and ignored: follows need no approval'),
      bot: flagParam('Taken and ignored: no bot accounts'),
      discoverable: flagParam('Taken and ignored: every account can be found'),
      hide_collections: flagParam('Taken and ignored: followers and following are public'),
      indexable: flagParam('Taken and ignored'),
      attribution_domains: ignored('no attribution domains'),
      fields_attributes: ignored('no profile fields'),
      source: ignored('no posting defaults'),
    }),
    upload: true,
    answer: credentialAccountSchema,
    names: { name: 'display_name', profile: 'note' },
    handle: async ({ caller, origin, params }) => {
      // As they came: the procedure's schema refuses what is not text.
      const changes = { name: params.display_name as string | undefined, profile: params.note as string | undefined };
      const avatar = avatarOf(params.avatar);
      // Two procedures, one change: the picture is stored only when the name and note would pass,
      // and the profile written only after the picture was, so either refusal leaves both as they
      // were. A refusal waits for the token's (`tokenFirst` in calls.ts).
      if (avatar && schemas.updateProfileInput.safeParse(changes).success) await uploadAvatar(caller, avatar);
      // Also with nothing to change: it answers the account, on `write:accounts` alone.
      const own = await caller.user.updateProfile(changes);
      return credentialAccountOf(caller, origin, own);
    },
  }),
];
