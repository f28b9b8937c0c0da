/** Rendering for people: relative times, wrapping that respects wide characters, and layout. */
import type { RouterOutputs } from '@miniter/api/client';
import type { createColors } from 'picocolors';
import wrapAnsi from 'wrap-ansi';

export type Tweet = RouterOutputs['tweet']['create'];
export type UserSummary = RouterOutputs['follow']['followers']['items'][number];
export type UserProfile = RouterOutputs['user']['byId'];
export type Colors = ReturnType<typeof createColors>;

const units: [limit: number, seconds: number, suffix: string][] = [
  [60, 1, 's'],
  [3600, 60, 'm'],
  [86_400, 3600, 'h'],
  [30 * 86_400, 86_400, 'd'],
];

/** "just now", "45s ago", "3m ago", "5h ago", "2d ago"; older than 30 days: the date. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.floor((now - Date.parse(iso)) / 1000);
  if (seconds < 5) return 'just now';
  for (const [limit, size, suffix] of units) {
    if (seconds < limit) return `${Math.floor(seconds / size)}${suffix} ago`;
  }
  return iso.slice(0, 10);
}

/**
 * Wraps to `width` terminal columns: a Hangul syllable or an emoji takes two columns, so
 * lines of Korean break at half the characters of English ones. Over-long words are broken.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const usable = Math.max(10, width - indent.length);
  return wrapAnsi(text, usable, { hard: true, trim: true })
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

export interface RenderOptions {
  width: number;
  colors: Colors;
  now?: number;
}

export function renderTweet(tweet: Tweet, { width, colors, now }: RenderOptions): string {
  const header = [
    colors.bold(tweet.author.name),
    colors.dim(`#${tweet.author.id}`),
    colors.dim('·'),
    colors.dim(relativeTime(tweet.createdAt, now)),
    colors.dim(`(tweet ${tweet.id})`),
  ].join(' ');
  return `${header}\n${wrap(tweet.text, width, '  ')}`;
}

export function renderTweets(tweets: Tweet[], options: RenderOptions, empty: string): string {
  return tweets.length ? tweets.map((t) => renderTweet(t, options)).join('\n\n') : options.colors.dim(empty);
}

/** Where `timeline --follow` marks a tweet deleted after it was shown (or while it was away). */
export function renderDeleted(tweetId: number, { colors }: Pick<RenderOptions, 'colors'>): string {
  return colors.dim(`✕ tweet ${tweetId} was deleted`);
}

export function renderUsers(users: UserSummary[], { colors }: Pick<RenderOptions, 'colors'>, empty: string): string {
  return users.length
    ? users.map((u) => `${colors.bold(u.name)} ${colors.dim(`#${u.id}`)}`).join('\n')
    : colors.dim(empty);
}

export function renderProfile(user: UserProfile, { width, colors, now }: RenderOptions): string {
  const lines = [
    `${colors.bold(user.name)} ${colors.dim(`#${user.id} · joined ${relativeTime(user.createdAt, now)}`)}`,
  ];
  if (user.profile) lines.push(wrap(user.profile, width, '  '));
  const count = (n: number, one: string, many = `${one}s`) => `${colors.bold(String(n))} ${n === 1 ? one : many}`;
  lines.push(
    [
      count(user.tweetCount, 'tweet'),
      count(user.followerCount, 'follower'),
      count(user.followingCount, 'following', 'following'),
    ].join('  '),
  );
  return lines.join('\n');
}
