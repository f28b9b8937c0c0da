/**
 * Every refusal as a list of issues a client can put in its own words, beside the field each is
 * about: `{ path, code, params }`. Codes are stable identifiers; `message` stays the English text.
 *
 * - Validation: zod's own codes (`too_small`, `too_big`, `invalid_type`, `invalid_format`, …) with
 *   their bounds, or the code a rule of ours gives in its `params` (`too_short` `{ min }`,
 *   `too_long` `{ max }`, `too_long_bytes` `{ max }`, `invalid_characters` `{ rule, found }`,
 *   `invalid_username` `{ max }`, `reserved_username`, `invalid_cursor`).
 * - A service's refusal: its `reason` (`email_taken`, `username_taken`, `bad_credentials`,
 *   `wrong_password`, `not_found`, `empty_file`, `image_too_many_pixels` `{ max }`, `unreadable_image`)
 *   or, without one, the error code in lower case (`payload_too_large` `{ max }`,
 *   `unsupported_media_type`, `too_many_requests` `{ seconds }`), at its `field`.
 */
import type { z } from 'zod';
import type { ServiceError } from './services/errors.ts';

/**
 * Every code an issue can carry that is ours or that a client should word (zod's own are listed
 * after ours): clients word each of them (the web app's test holds its table to this list).
 */
export const issueCodes = [
  'too_short',
  'too_long',
  'too_long_bytes',
  'invalid_characters',
  'invalid_username',
  'reserved_username',
  'invalid_hashtag',
  'invalid_cursor',
  'email_taken',
  'username_taken',
  'bad_credentials',
  'wrong_password',
  'not_found',
  'empty_file',
  'image_too_many_pixels',
  'unreadable_image',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'service_unavailable',
  'internal_server_error',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_format',
] as const;

/** A refusal's own reason, where the error's kind alone does not say it. */
export type IssueReason = (typeof issueCodes)[number];

export interface Issue {
  path: string[];
  code: string;
  message: string;
  params: Record<string, string | number>;
}

/** zod's bounds and kinds worth a client's message; everything else stays in `message`. */
const zodParams = ['minimum', 'maximum', 'expected', 'format', 'origin'] as const;

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    const own = issue.code === 'custom' ? (issue.params ?? {}) : {};
    for (const [key, value] of Object.entries({ ...issue, ...own })) {
      if ((zodParams as readonly string[]).includes(key) || key in own) {
        if (typeof value === 'string' || typeof value === 'number') params[key] = value;
        else if (typeof value === 'bigint') params[key] = Number(value);
      }
    }
    const { code = issue.code, ...rest } = params as { code?: string };
    return { path: issue.path.map(String), code: String(code), message: issue.message, params: rest };
  });
}

export function serviceIssues(error: ServiceError): Issue[] {
  return [
    {
      path: error.field ? [error.field] : [],
      code: error.reason ?? error.kind.toLowerCase(),
      message: error.message,
      params: error.params,
    },
  ];
}

/** The `zodError` a field-level service refusal adds, shaped as `z.flattenError` shapes validation. */
export const fieldError = (error: ServiceError) =>
  error.field ? { formErrors: [], fieldErrors: { [error.field]: [error.message] } } : null;
