/**
 * What counts as text Miniter stores: the rules every text input passes before any service sees it.
 *
 * - Well-formed Unicode only. A lone surrogate (U+D800–U+DFFF unpaired) has no UTF-8 form: MySQL's
 *   utf8mb4, SQLite and bcrypt would all get U+FFFD instead, so what was stored would not be what
 *   was acknowledged.
 * - No control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) but tab and newline
 *   in tweets and profiles, none at all in names, and no NUL in passwords. A CRLF line break (what
 *   an HTML form sends) is stored as LF; a lone CR is refused.
 * - Names, which are shown beside every tweet, are one line of visible text: no U+2028/U+2029, no
 *   text-direction controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) that would make a
 *   name display differently from what it holds, and no other invisible characters (Unicode's
 *   Default_Ignorable_Code_Point, e.g. U+200B, U+FEFF, the Hangul fillers U+3164/U+115F/U+1160 that
 *   make a name look empty), except the joiners and selectors that emoji and some scripts need
 *   (U+200C, U+200D; variation selectors U+FE00–U+FE0F, U+E0100–U+E01EF and Mongolian U+180B–U+180F;
 *   emoji tag characters U+E0020–U+E007F). Tweets and profiles may hold all of these: they are
 *   prose, where U+2028/U+2029 are line breaks and right-to-left writers need the direction marks.
 *
 * Text is never normalised (NFC or otherwise): what passes is stored byte for byte.
 */
import type { z } from 'zod';

/** How a field's text is checked. */
export type TextKind = 'name' | 'prose' | 'password';

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Default_Ignorable_Code_Point but the joiners and variation selectors that emoji and scripts need. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the class holds lone code points, each matched on its own
const invisible = /(?![\u200c\u200d\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0020}-\u{e007f}\u{e0100}-\u{e01ef}])\p{DI}/u;

/** Each rule has a stable `id`, which clients may show in their own words (`issues.ts`). */
const rules: Record<TextKind, { pattern: RegExp; id: string; rule: string }[]> = {
  name: [
    { pattern: /\p{Cc}/u, id: 'control', rule: 'control characters' },
    { pattern: /[\u2028\u2029]/u, id: 'separator', rule: 'line or paragraph separators' },
    {
      pattern: /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u,
      id: 'direction',
      rule: 'text-direction control characters',
    },
    { pattern: invisible, id: 'invisible', rule: 'invisible characters' },
  ],
  prose: [{ pattern: /(?![\t\n])\p{Cc}/u, id: 'control', rule: 'control characters other than tab and newline' }],
  password: [{ pattern: /\0/u, id: 'nul', rule: 'the NUL character' }],
};

/**
 * Adds the rules of `kind` to a string schema: one issue naming the field, the rule and the first
 * offending character.
 */
export function checkText(field: string, kind: TextKind) {
  return (s: string, ctx: z.RefinementCtx) => {
    if (!s.isWellFormed()) {
      ctx.addIssue({
        code: 'custom',
        message: `${field} must be well-formed Unicode: it has an unpaired surrogate`,
        params: { code: 'invalid_characters', rule: 'surrogate' },
      });
      return;
    }
    for (const { pattern, id, rule } of rules[kind]) {
      const found = pattern.exec(s);
      if (found) {
        const character = codePoint(found[0]);
        ctx.addIssue({
          code: 'custom',
          message: `${field} must not contain ${rule} (found ${character})`,
          params: { code: 'invalid_characters', rule: id, found: character },
        });
        return;
      }
    }
  };
}

/** CRLF → LF, so text typed into an HTML form passes the newline rule. */
export const unixNewlines = (s: string) => s.replaceAll('\r\n', '\n');
