import { decodeCursor } from '@miniter/db';
import { z } from 'zod';
import { checkText } from './text.ts';
import { codePoints, text, tweetText } from './text-fields.ts';

export const id = z.int().positive().max(4_294_967_295);

const newPassword = z
  .string()
  .superRefine(checkText('Password', 'password'))
  .refine((p) => codePoints(p) >= 8, 'Password must be at least 8 characters')
  // bcrypt ignores everything past 72 bytes: refuse rather than silently truncate.
  .refine((p) => Buffer.byteLength(p, 'utf8') <= 72, 'Password must be at most 72 bytes in UTF-8');

/** A password to check against a stored one: bounded, so nobody sends bcrypt megabytes. */
const givenPassword = z.string().max(1024).superRefine(checkText('Password', 'password'));

export const signUpInput = z.object({
  name: text('Name', 'name', 1, 50),
  email: z
    .email('Email must be a valid address')
    .max(255)
    .transform((e) => e.toLowerCase()),
  password: newPassword,
  profile: text('Profile', 'prose', 0, 2000).optional(),
});

export const loginInput = z.object({
  email: z
    .string()
    .max(255)
    .superRefine(checkText('Email', 'name'))
    .transform((e) => e.trim().toLowerCase()),
  password: givenPassword,
});

export const changePasswordInput = z.object({ currentPassword: givenPassword, newPassword });
export const passwordInput = z.object({ password: givenPassword });

export const userIdInput = z.object({ userId: id });
export const tweetIdInput = z.object({ tweetId: id });
/** Optional: tRPC fills `lastEventId` from `Last-Event-ID` when a stream resumes. */
export const liveInput = z.object({ lastEventId: z.string().max(20).optional() }).optional();
export const tweetInput = z.object({ text: tweetText });

/** `limit` 1–100 (default 20) and an opaque cursor decoded into its keyset tuple. */
function page<K extends number[]>(arity: K['length']) {
  return {
    cursor: z
      .string()
      .optional()
      .transform((cursor, ctx) => {
        if (cursor === undefined) return undefined;
        const key = decodeCursor(cursor, arity);
        if (!key) {
          ctx.addIssue({ code: 'custom', message: 'Invalid cursor: pass a nextCursor from an earlier page' });
          return z.NEVER;
        }
        return key as K;
      }),
    limit: z.int().min(1).max(100).default(20),
  };
}

export const timelinePageInput = z.object(page<[number]>(1));
export const userTimelinePageInput = z.object({ userId: id, ...page<[number]>(1) });
export const followListInput = z.object({ userId: id, ...page<[number, number]>(2) });

/** FormData with the picture under `file` (multipart; the typed client sends it without batching). */
export const pictureUploadInput = z.instanceof(FormData).transform((form, ctx) => {
  const file = form.get('file');
  if (!(file instanceof File)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'Send the picture as a file in the "file" field' });
    return z.NEVER;
  }
  return file;
});
