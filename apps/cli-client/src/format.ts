/** Rendering for people: relative times, wrapping that respects wide characters, and layout. */
import type { RouterOutputs } from '@miniter/api/client';
import { hashtagKey, tweetRuns } from '@miniter/api/tweet-text';
import { usernameKey } from '@miniter/db/handles';
import type { createColors } from 'picocolors';
import wrapAnsi from 'wrap-ansi';

export type Tweet = RouterOutputs['tweet']['create'];
export type Thread = RouterOutputs['tweet']['context'];
/** A user in a list of people: search, followers, following. */
export type PublicUser = RouterOutputs['user']['search']['items'][number];
export type UserProfile = RouterOutputs['user']['byId'];
export type Account = RouterOutputs['user']['me'];
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

/** The first line of `text` that fits in `width` columns, with `…` when there was more. */
export function firstLine(text: string, width: number): string {
  const [first = '', ...rest] = wrap(text.replace(/\s+/g, ' '), width - 1).split('\n');
  return rest.length ? `${first}…` : first;
}

export interface RenderOptions {
  width: number;
  colors: Colors;
  now?: number;
}

/** A user's name in bold beside their handle: "Kim @kim". */
export function nameAndHandle(user: { name: string; username: string }, colors: Colors): string {
  return `${colors.bold(user.name)} ${colors.dim(`@${user.username}`)}`;
}

/** A tweet's likes: "♥ 3", and "♥ 3 (you liked it)" in red on a terminal when the reader liked it. */
export function renderLikes({ likeCount, liked }: Pick<Tweet, 'likeCount' | 'liked'>, colors: Colors): string {
  return liked ? colors.red(`♥ ${likeCount} (you liked it)`) : colors.dim(`♥ ${likeCount}`);
}

/**
 * A tweet's reposts: "↻ 3", and "↻ 3 (you reposted it)" in green on a terminal when the reader
 * reposted it.
 */
export function renderReposts(
  { repostCount, reposted }: Pick<Tweet, 'repostCount' | 'reposted'>,
  colors: Colors,
): string {
  return reposted ? colors.green(`↻ ${repostCount} (you reposted it)`) : colors.dim(`↻ ${repostCount}`);
}

/** Name, age, id and counts: "Kim @kim · 3m ago (tweet 7) · ♥ 3 · ↩ 2 · ↻ 1". */
function tweetHeader(tweet: Tweet, { colors, now }: RenderOptions): string {
  return [
    nameAndHandle(tweet.author, colors),
    colors.dim('·'),
    colors.dim(relativeTime(tweet.createdAt, now)),
    colors.dim(`(tweet ${tweet.id})`),
    colors.dim('·'),
    renderLikes(tweet, colors),
    colors.dim('·'),
    colors.dim(`↩ ${tweet.replyCount}`),
    colors.dim('·'),
    renderReposts(tweet, colors),
  ].join(' ');
}

/**
 * Who passed a repost on, and when, as a line above the tweet: "↻ @lee reposted · 2m ago (repost 9)".
 * Its id is the repost's own (what `miniter delete` takes, and a live deletion names); `repost`,
 * `unrepost`, `like`, `reply` and `thread` given it act on the tweet.
 */
export function renderRepostedBy(repost: Tweet, { colors, now }: Pick<RenderOptions, 'colors' | 'now'>): string {
  const when = relativeTime(repost.createdAt, now);
  return colors.dim(`↻ @${repost.author.username} reposted · ${when} (repost ${repost.id})`);
}

/** Whom a reply answers, as a line above its text: "replying to @kim". */
export function renderReplyingTo(inReplyTo: NonNullable<Tweet['inReplyTo']>, colors: Colors): string {
  return colors.dim(`replying to ${inReplyTo.username === null ? 'a deleted account' : `@${inReplyTo.username}`}`);
}

/**
 * A tweet's text with, on a terminal, its #hashtags (those in its `hashtags`: what `miniter tag`
 * finds it by) and the @mentions that named an account (those in its `mentions`) in cyan; an
 * @handle that named no one stays plain. Without colour the text is as written. The runs are the
 * server's own reading (`tweetRuns`); colour codes take no columns in `wrap`'s measure.
 */
export function highlightText(tweet: Pick<Tweet, 'text' | 'mentions' | 'hashtags'>, colors: Colors): string {
  if (!colors.isColorSupported) return tweet.text;
  const mentioned = new Set(tweet.mentions.map((mention) => usernameKey(mention.username)));
  const tagged = new Set(tweet.hashtags);
  return tweetRuns(tweet.text)
    .map((run) =>
      (run.kind === 'mention' && mentioned.has(usernameKey(run.username))) ||
      (run.kind === 'hashtag' && tagged.has(hashtagKey(run.tag)))
        ? colors.cyan(run.text)
        : run.text,
    )
    .join('');
}

/** A tweet's text, highlighted, wrapped to the terminal and indented. */
function tweetBody(tweet: Tweet, { width, colors }: RenderOptions, indent: string): string {
  return wrap(highlightText(tweet, colors), width, indent);
}

/** A tweet: its header, whom it answers, its text. A repost: who passed it on, then the tweet. */
export function renderTweet(tweet: Tweet, options: RenderOptions): string {
  if (tweet.repostOf) return `${renderRepostedBy(tweet, options)}\n${renderTweet(tweet.repostOf, options)}`;
  const replyingTo = tweet.inReplyTo ? `  ${renderReplyingTo(tweet.inReplyTo, options.colors)}\n` : '';
  return `${tweetHeader(tweet, options)}\n${replyingTo}${tweetBody(tweet, options, '  ')}`;
}

export function renderTweets(tweets: Tweet[], options: RenderOptions, empty: string): string {
  return tweets.length ? tweets.map((t) => renderTweet(t, options)).join('\n\n') : options.colors.dim(empty);
}

/**
 * A tweet that is gone: where `timeline --follow` shows one deleted after it was shown (or while it
 * was away), and atop a thread that answers one. A repost that is gone (taken back, or its tweet
 * deleted) is named as a repost, by its own id.
 */
export function renderDeleted(
  tweetId: number,
  { colors }: Pick<RenderOptions, 'colors'>,
  what: 'tweet' | 'repost' = 'tweet',
): string {
  return colors.dim(`✕ ${what} ${tweetId} was deleted`);
}

/** Replies are indented no deeper than leaves their text this many columns (a deep thread stays readable). */
const threadTextMin = 40;

/**
 * A thread as the conversation went: what the tweet answers (oldest first), the tweet marked, then
 * its replies, two columns further in per depth; the layout says whom each answers, so no
 * "replying to" lines. When the first tweet shown still answers one, that one was deleted (the
 * server's chain stops there), and a line above says so.
 */
export function renderThread({ tweet, ancestors, descendants }: Thread, options: RenderOptions): string {
  const { width, colors } = options;
  // A tweet's text is two columns further in than its header.
  const deepest = Math.max(0, Math.floor((width - 2 - threadTextMin) / 2));
  const block = (t: Tweet, depth: number, mark = '') => {
    const indent = '  '.repeat(Math.min(depth, deepest));
    return `${indent}${tweetHeader(t, options)}${mark}\n${tweetBody(t, options, `${indent}  `)}`;
  };
  const above = (ancestors[0] ?? tweet).inReplyTo;
  const blocks = [
    ...ancestors.map((t) => block(t, 0)),
    block(tweet, 0, ` ${colors.bold('◀ this tweet')}`),
    ...descendants.map((t) => block(t, t.depth)),
  ].join('\n\n');
  return above ? `${renderDeleted(above.id, options)}\n${blocks}` : blocks;
}

/** Hashtags, one to a line, each with its `#`. */
export function renderHashtags(tags: string[], { colors }: Pick<RenderOptions, 'colors'>, empty: string): string {
  return tags.length ? tags.map((tag) => `#${tag}`).join('\n') : colors.dim(empty);
}

/** People, one to a line, each with the first line of their bio beneath. */
export function renderUsers(users: PublicUser[], { width, colors }: RenderOptions, empty: string): string {
  if (!users.length) return colors.dim(empty);
  const bio = (user: PublicUser) => (user.profile.trim() ? `\n  ${firstLine(user.profile, width - 2)}` : '');
  return users.map((user) => nameAndHandle(user, colors) + bio(user)).join('\n');
}

export function renderProfile(user: UserProfile, { width, colors, now }: RenderOptions): string {
  const lines = [
    `${nameAndHandle(user, colors)} ${colors.dim(`#${user.id} · joined ${relativeTime(user.createdAt, now)}`)}`,
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

/** What `miniter profile` shows and edits, one labelled field to a line. */
export function renderAccount(account: Account, { width, colors }: RenderOptions): string {
  const bio = account.profile.trim() ? wrap(account.profile, width, ' '.repeat(8)).trimStart() : colors.dim('(none)');
  return [`Name    ${colors.bold(account.name)}`, `Handle  @${account.username}`, `Bio     ${bio}`].join('\n');
}
