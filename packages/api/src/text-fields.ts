/**
 * The text fields' schemas, with nothing of the server in them: the web client checks a tweet and
 * counts its characters with the very schema the server applies (`@miniter/api/text-fields`).
 */
import { isReservedUsername, usernameMaxLength, usernamePattern } from '@miniter/db/handles';
import { z } from 'zod';
import { checkText, type TextKind, unixNewlines } from './text.ts';

/** Length in Unicode code points, as the book's Python `len` counts and MySQL's VARCHAR stores. */
export const codePoints = (s: string) => [...s].length;

/** Trimmed text of `min`–`max` code points that passes the rules of its kind (./text.ts). */
export const text = (field: string, kind: Exclude<TextKind, 'password'>, min: number, max: number) =>
  (kind === 'prose' ? z.string().overwrite(unixNewlines) : z.string())
    .trim()
    .superRefine(checkText(field, kind))
    .refine((s) => codePoints(s) >= min, {
      message: `${field} must be at least ${min} character${min === 1 ? '' : 's'}`,
      params: { code: 'too_short', min },
    })
    .refine((s) => codePoints(s) <= max, {
      message: `${field} must be at most ${max} characters`,
      params: { code: 'too_long', max },
    });

/** A handle: Mastodon's rule (`usernamePattern`), none of the reserved words; a leading `@` is dropped. */
export const username = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@/, ''))
  .refine((s) => usernamePattern.test(s), {
    message: `Username must be 1–${usernameMaxLength} letters (A–Z), digits or underscores`,
    params: { code: 'invalid_username', max: usernameMaxLength },
  })
  .refine((s) => !isReservedUsername(s), {
    message: 'This username is reserved',
    params: { code: 'reserved_username' },
  });

/** The most a tweet holds, in code points. */
export const tweetMaxLength = 300;
export const tweetText = text('Tweet', 'prose', 1, tweetMaxLength);
