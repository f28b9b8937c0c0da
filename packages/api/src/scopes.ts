/**
 * OAuth scopes as Mastodon defines them (docs: api/oauth-scopes.md): the high-level ones, the
 * granular ones each stands for, and which a token's grant covers. Admin scopes are not offered:
 * Miniter has no administration API.
 */

const granular = {
  read: [
    'accounts',
    'blocks',
    'bookmarks',
    'favourites',
    'filters',
    'follows',
    'lists',
    'mutes',
    'notifications',
    'search',
    'statuses',
  ],
  write: [
    'accounts',
    'blocks',
    'bookmarks',
    'conversations',
    'favourites',
    'filters',
    'follows',
    'lists',
    'media',
    'mutes',
    'notifications',
    'reports',
    'statuses',
  ],
} as const;

type Granular = { [K in keyof typeof granular]: `${K}:${(typeof granular)[K][number]}` }[keyof typeof granular];

/** Every scope an application may ask for. */
export const scopes = [
  'read',
  'write',
  'follow',
  'push',
  'profile',
  ...granular.read.map((name) => `read:${name}` as const),
  ...granular.write.map((name) => `write:${name}` as const),
] as const satisfies readonly (Granular | 'read' | 'write' | 'follow' | 'push' | 'profile')[];

export type Scope = (typeof scopes)[number];

/** What a procedure needs of an OAuth token: a granular scope, `profile`, or `push`. */
export type RequiredScope = Granular | 'profile' | 'push';

/** Every scope a call may need: the granular ones, `profile` and `push` (not `read`, which stands for several). */
export const requiredScopes = scopes.filter(
  (scope): scope is RequiredScope => scope.includes(':') || scope === 'profile' || scope === 'push',
);

/** Mastodon's deprecated `follow` stands for these. */
const followCovers: readonly string[] = [
  'read:blocks',
  'read:follows',
  'read:mutes',
  'write:blocks',
  'write:follows',
  'write:mutes',
];

export const isScope = (word: string): word is Scope => (scopes as readonly string[]).includes(word);

/** A `scope` parameter's words ("read write follow"), each once; `fallback` when it is empty. */
export function parseScopes(text: string | undefined, fallback: readonly string[] = ['read']): string[] {
  const words = [...new Set((text ?? '').split(/\s+/).filter(Boolean))];
  return words.length ? words : [...fallback];
}

/** Whether a token granted `granted` may do what needs `required`. */
export function covers(granted: readonly string[], required: RequiredScope): boolean {
  if (granted.includes(required)) return true;
  const [family] = required.split(':');
  if ((family === 'read' || family === 'write') && granted.includes(family)) return true;
  if (followCovers.includes(required) && granted.includes('follow')) return true;
  // `profile` reads only the account itself: any grant that reads accounts covers it.
  return required === 'profile' && (granted.includes('read') || granted.includes('read:accounts'));
}
