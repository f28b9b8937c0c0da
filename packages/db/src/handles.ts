/**
 * @handles and the terms people are found by: pure functions, shared by the sign-up service, the
 * migration that gave existing accounts their handles, and the seeder, so each is written once.
 */

/** Mastodon's rule: 1–30 of ASCII letters, digits and `_`. */
export const usernamePattern = /^[A-Za-z0-9_]{1,30}$/;
export const usernameMaxLength = 30;

/**
 * Handles that would read as one of the web app's or the API's paths (`/@settings` beside
 * `/settings`), or as the service itself speaking; compared case-insensitively.
 */
export const reservedUsernames: ReadonlySet<string> = new Set([
  'about',
  'admin',
  'administrator',
  'api',
  'app',
  'apps',
  'assets',
  'auth',
  'explore',
  'healthz',
  'help',
  'home',
  'login',
  'logout',
  'media',
  'metrics',
  'miniter',
  'moderator',
  'notifications',
  'oauth',
  'postmaster',
  'profile',
  'readyz',
  'root',
  'search',
  'settings',
  'signup',
  'sign_up',
  'support',
  'system',
  'trpc',
  'u',
  'users',
  'webmaster',
  'www',
]);

/** What a handle is unique and found by: its lower case (handles are ASCII). */
export const usernameKey = (username: string) => username.toLowerCase();

export const isReservedUsername = (username: string) => reservedUsernames.has(usernameKey(username));

/**
 * A valid handle made from an e-mail's local part, for accounts that did not choose one (the book's
 * sign-up, and accounts older than handles): what is not a handle character becomes `_`, runs of `_`
 * and the ends are trimmed, room is left for a numeric suffix, and a reserved or empty result becomes
 * `user`. Not yet unique: see `handleCandidates`.
 */
export function handleBase(email: string): string {
  const local = email.slice(0, Math.max(0, email.lastIndexOf('@'))) || email;
  const base = local
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, usernameMaxLength - 6);
  return base && !isReservedUsername(base) ? base : 'user';
}

/** `base`, then `base2` … `base{count}`: the handles tried, in order, before a random suffix. */
export function handleCandidates(base: string, count = 10): string[] {
  return [base, ...Array.from({ length: count - 1 }, (_, i) => `${base}${i + 2}`)];
}

/** `base` with a random numeric suffix: when the numbered candidates are all taken. */
export const randomHandle = (base: string) => `${base}${Math.floor(100_000 + Math.random() * 900_000)}`;

// Hangul syllables (U+AC00–U+D7A3) are composed arithmetically: 19 initials × 21 medials × 28 finals.
const syllableFirst = 0xac00;
const syllableLast = 0xd7a3;
const syllablesPerInitial = 21 * 28;
/** The 19 initial consonants, as the compatibility jamo people type (ㄱ is U+3131). */
const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

const isSyllable = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return code >= syllableFirst && code <= syllableLast;
};

/** 김민지 → ㄱㅁㅈ (초성), or null when the word is not all Hangul syllables. */
export function initialConsonants(word: string): string | null {
  const chars = [...word];
  if (!chars.length || !chars.every(isSyllable)) return null;
  return chars
    .map((c) => initials[Math.floor(((c.codePointAt(0) ?? 0) - syllableFirst) / syllablesPerInitial)])
    .join('');
}

/** The longest a stored term is, in characters (a name is at most 50). */
export const searchTermMaxLength = 50;

/**
 * What a name is found by, matched by prefix: each word in lower case; for a word of Hangul
 * syllables also each of its suffixes (Korean names are written without spaces: 민지 finds 김민지)
 * and the initial consonants of each of those (ㄱㅁㅈ, ㅁㅈ). Words are split at anything that is
 * not a letter, digit or mark, so "Kim, Min-ji" is found by "min" and "ji".
 */
export function nameSearchTerms(name: string): string[] {
  const terms = new Set<string>();
  for (const word of name.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u)) {
    if (!word) continue;
    terms.add(word);
    if (initialConsonants(word) === null) continue;
    const chars = [...word];
    for (let i = 0; i < chars.length; i++) {
      const suffix = chars.slice(i).join('');
      terms.add(suffix);
      terms.add(initialConsonants(suffix) as string);
    }
  }
  // Lower case can lengthen a word (İ → i̇): cut to what the column holds.
  return [...new Set([...terms].map((term) => [...term].slice(0, searchTermMaxLength).join('')))];
}

/**
 * A search query as terms are stored: trimmed, lower case, a leading `@` dropped. Null when nothing
 * is left to search for.
 */
export function normalizeQuery(query: string): string | null {
  const normalized = query.trim().replace(/^@/, '').toLowerCase();
  return normalized || null;
}
