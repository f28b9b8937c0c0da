import { decodeCursor, parseFollowId } from '@miniter/db';
import { z } from 'zod';
import { checkText } from './text.ts';
import { codePoints, text, tweetMaxLength, tweetText, username } from './text-fields.ts';
import { hashtagKey, isHashtag } from './tweet-text.ts';

export const id = z.int().positive().max(4_294_967_295);

const newPassword = z
  .string()
  .superRefine(checkText('Password', 'password'))
  .refine((p) => codePoints(p) >= 8, {
    message: 'Password must be at least 8 characters',
    params: { code: 'too_short', min: 8 },
  })
  // bcrypt ignores everything past 72 bytes: refuse rather than silently truncate.
  .refine((p) => Buffer.byteLength(p, 'utf8') <= 72, {
    message: 'Password must be at most 72 bytes in UTF-8',
    params: { code: 'too_long_bytes', max: 72 },
  });

/** A password to check against a stored one: bounded, so nobody sends bcrypt megabytes. */
const givenPassword = z.string().max(1024).superRefine(checkText('Password', 'password'));

const name = text('Name', 'name', 1, 50);
const profile = text('Profile', 'prose', 0, 2000);

export const signUpInput = z.object({
  name,
  /** Without one, a handle is derived from the e-mail (the book's sign-up has none). */
  username: username.optional(),
  email: z
    .email('Email must be a valid address')
    .max(255)
    .transform((e) => e.toLowerCase()),
  password: newPassword,
  profile: profile.optional(),
});

/** What a profile shows and its owner may change; each field optional, as Mastodon's PATCH. */
export const updateProfileInput = z.object({
  name: name.optional(),
  username: username.optional(),
  profile: profile.optional(),
});

export const usernameInput = z.object({ username });

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
/** A tweet; with `inReplyToId`, a reply to that tweet. */
export const tweetInput = z.object({ text: tweetText, inReplyToId: id.optional() });

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
          ctx.addIssue({
            code: 'custom',
            message: 'Invalid cursor: pass a nextCursor from an earlier page',
            params: { code: 'invalid_cursor' },
          });
          return z.NEVER;
        }
        return key as K;
      }),
    limit: z.int().min(1).max(100).default(20),
  };
}

/**
 * A timeline's bounds besides its cursor, Mastodon's: ids below `maxId`, above `sinceId` (newest
 * first), or the page just above `minId` (oldest first: what came after a marker). Each exclusive.
 */
const idBounds = { maxId: id.optional(), sinceId: id.optional(), minId: id.optional() };
/**
 * Also answer the page's authors, each once, with their profiles and counts (`authors`), read by the
 * page's own statement: for a client that shows them with every tweet (Mastodon's Status embeds its
 * Account), rather than a `user.byIds` after.
 */
const withAuthors = z.boolean().default(false);

export const timelinePageInput = z.object({ ...page<[number]>(1), ...idBounds, withAuthors });
/** Lists paged by like, whose bounds (`maxId`, …) are like ids, as Mastodon pages favourites. */
export const likedByInput = z.object({ tweetId: id, ...page<[number]>(1), ...idBounds });
export const likesInput = z.object({ ...page<[number]>(1), ...idBounds });
export const userTimelinePageInput = z.object({
  userId: id,
  ...page<[number]>(1),
  ...idBounds,
  withAuthors,
  /** Without their replies to others (their threads stay), as Mastodon's `exclude_replies`. */
  excludeReplies: z.boolean().default(false),
  /** Without their reposts, as Mastodon's `exclude_reblogs`. */
  excludeReposts: z.boolean().default(false),
});
/** The most replies one page of a thread holds. */
export const threadPageMax = 200;
/**
 * A tweet's thread: its ancestors, and a page of its descendants (60 unless said) after the
 * cursor, as `tweet.context` answered it.
 */
export const contextInput = z.object({
  tweetId: id,
  cursor: page<[number, number]>(2).cursor,
  limit: z.int().min(1).max(threadPageMax).default(60),
});
/** A follow's id in its list (`followId`), decoded into its keyset. */
const followId = z
  .string()
  .transform((text, ctx) => {
    const key = parseFollowId(text);
    if (!key) {
      ctx.addIssue({
        code: 'custom',
        message: 'Invalid follow id: pass a followId from a list',
        params: { code: 'invalid_cursor' },
      });
      return z.NEVER;
    }
    return key;
  })
  .optional();

/** A follow list's bounds besides its cursor, as a timeline's (`idBounds`), by follow id. */
export const followListInput = z.object({
  userId: id,
  ...page<[number, number]>(2),
  maxId: followId,
  sinceId: followId,
  minId: followId,
});
export const userSearchInput = z.object({
  query: z.string().trim().min(1, 'Query must not be empty').max(100).superRefine(checkText('Query', 'name')),
  ...page<[number, number]>(2),
});
/**
 * A hashtag, with or without its `#`: letters, digits and `_` in any script, at least one letter or
 * `_` (`isHashtag`); answered by its key (lower case).
 */
export const hashtag = z
  .string()
  .trim()
  .max(tweetMaxLength)
  .superRefine(checkText('Hashtag', 'name'))
  .transform((s) => s.replace(/^#/, ''))
  .refine(isHashtag, {
    message: 'A hashtag is letters, digits and underscores, with at least one letter or underscore',
    params: { code: 'invalid_hashtag' },
  })
  .transform(hashtagKey);
export const hashtagTimelineInput = z.object({ tag: hashtag, ...page<[number]>(1), ...idBounds, withAuthors });
/** The start of a hashtag, as someone types it (`#` optional). */
export const hashtagSearchInput = z.object({
  query: z
    .string()
    .trim()
    .max(tweetMaxLength)
    .superRefine(checkText('Query', 'name'))
    .transform((s) => s.replace(/^#/, ''))
    .refine((s) => s === '' || isHashtag(`_${s}`), {
      message: 'A hashtag is letters, digits and underscores',
      params: { code: 'invalid_hashtag' },
    })
    .transform(hashtagKey),
  limit: z.int().min(1).max(100).default(10),
});
/** May be left out: `user.suggestions()` asks for the default number. */
export const suggestionsInput = z.object({ limit: z.int().min(1).max(50).default(10) }).prefault({});
/** A people list's worth of users, to show whether you follow each. */
export const userIdsInput = z.object({ userIds: z.array(id).min(1).max(100) });

/** FormData with the picture under `file` (multipart; the typed client sends it without batching). */
export const pictureUploadInput = z.instanceof(FormData).transform((form, ctx) => {
  const file = form.get('file');
  if (!(file instanceof File)) {
    ctx.addIssue({ code: 'custom', path: ['file'], message: 'Send the picture as a file in the "file" field' });
    return z.NEVER;
  }
  return file;
});
