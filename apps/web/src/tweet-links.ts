/**
 * What a tweet's text links, as the page shows it: its runs as `@miniter/api/tweet-text` reads them
 * (the one reading the server stored its mentions and hashtags by, and the Mastodon API links), each
 * given where it leads. Pure, so the rules are tested without a browser (`tweet-links.test.ts`).
 *
 * - a web address leaves the app, as written (only `http://` and `https://` ones are runs);
 * - an @handle leads to a profile only if the tweet's `mentions` name it: the server found that
 *   account when the tweet was written, and it still has that handle (a handle nobody had then
 *   stays text, and so does one its account has changed since);
 * - a #tag leads to its page, `/tags/<key>`.
 */
import { hashtagKey, tweetRuns } from '@miniter/api/tweet-text';
import type { Tweet } from './api.ts';
import { profilePath } from './paths.ts';

export type TweetPart =
  | { kind: 'text'; text: string }
  /** A web address: a link out of the app. */
  | { kind: 'web'; text: string; href: string }
  /** A mention of an account, or a hashtag: a link within the app. */
  | { kind: 'mention' | 'hashtag'; text: string; href: string };

/** Where a hashtag's tweets are (`#` or not, any case): its key, `/tags/seoul`, `/tags/%EC%84%9C%EC%9A%B8`. */
export const hashtagPath = (tag: string) =>
  `/tags/${encodeURIComponent(hashtagKey(tag.startsWith('#') ? tag.slice(1) : tag))}`;

/** Handles are compared by their key, as the server does (`usernameKey`: ASCII, so lower case). */
const handleKey = (username: string) => username.toLowerCase();

/** `tweet`'s text in parts, in order; joined, they are its text. Plain text runs next to each other are one part. */
export function tweetParts({ text, mentions }: Pick<Tweet, 'text' | 'mentions'>): TweetPart[] {
  const mentioned = new Map(mentions.map((person) => [handleKey(person.username), person]));
  const parts: TweetPart[] = [];
  const add = (part: TweetPart) => {
    const last = parts.at(-1);
    if (part.kind === 'text' && last?.kind === 'text')
      parts[parts.length - 1] = { kind: 'text', text: last.text + part.text };
    else parts.push(part);
  };
  for (const run of tweetRuns(text)) {
    if (run.kind === 'url') add({ kind: 'web', text: run.text, href: run.text });
    else if (run.kind === 'hashtag') add({ kind: 'hashtag', text: run.text, href: hashtagPath(run.tag) });
    else if (run.kind === 'mention') {
      // Linked to the account's handle as it is now (the same key: `@KIM` is @kim's).
      const person = mentioned.get(handleKey(run.username));
      add(person ? { kind: 'mention', text: run.text, href: profilePath(person) } : { kind: 'text', text: run.text });
    } else add({ kind: 'text', text: run.text });
  }
  return parts;
}
