/**
 * A tweet's text in runs: web addresses, @mentions, #hashtags and the text between. One reading for
 * every entry point: the service stores the mentions and hashtags it finds when a tweet is written,
 * the Mastodon API and the web app link the same runs when they show it.
 *
 * linkifyjs finds the candidates (it knows where a web address or an e-mail ends, so that
 * `kim@example.com` and `https://x.example/@kim#top` hold no mention or tag); Miniter's own rules
 * then keep only what counts:
 * - a web address only with its scheme (`http://`, `https://`), as Mastodon links them;
 * - an @mention or #hashtag only at the start of a word (`a#b`, `안녕@kim` are text);
 * - a mention only of what can be a handle (`usernamePattern`); a hashtag only of letters, digits
 *   and `_` in any script, with at least one letter or `_` (`#1` is a number, as on Mastodon).
 */
import { usernameKey, usernamePattern } from '@miniter/db/handles';
import { find } from 'linkifyjs';
import 'linkify-plugin-hashtag';
import 'linkify-plugin-mention';

export type TweetRun =
  | { kind: 'text'; text: string }
  | { kind: 'url'; text: string }
  | { kind: 'mention'; text: string; username: string }
  | { kind: 'hashtag'; text: string; tag: string };

/** At most this many of a tweet's mentions, and of its hashtags, are stored (the first ones). */
export const entitiesMax = 20;

/** What a character just before `@` or `#` must not be for a mention or tag to start there. */
const wordBefore = /[\p{L}\p{M}\p{N}_@#&/]$/u;
const tagPattern = /^[\p{L}\p{M}\p{N}_]*[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** What a tag is found by: its lower case (NFC, so that one tag typed two ways is one). */
export const hashtagKey = (tag: string) => tag.normalize('NFC').toLowerCase();

/** Whether `tag` (without `#`) is a hashtag. */
export const isHashtag = (tag: string) => tagPattern.test(tag);

/** `text` in runs, in order; joined, they are `text`. */
export function tweetRuns(text: string): TweetRun[] {
  const runs: TweetRun[] = [];
  let last = 0;
  for (const found of find(text)) {
    const run = runOf(found.type, found.value, text.slice(0, found.start));
    if (!run) continue;
    if (found.start > last) runs.push({ kind: 'text', text: text.slice(last, found.start) });
    runs.push(run);
    last = found.end;
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) });
  return runs;
}

function runOf(type: string, value: string, before: string): TweetRun | null {
  if (type === 'url') return /^https?:\/\//i.test(value) ? { kind: 'url', text: value } : null;
  if (wordBefore.test(before)) return null;
  const name = value.slice(1);
  if (type === 'mention' && usernamePattern.test(name)) return { kind: 'mention', text: value, username: name };
  if (type === 'hashtag' && isHashtag(name)) return { kind: 'hashtag', text: value, tag: name };
  return null;
}

/** The handles a tweet mentions (their keys) and its hashtags (theirs), each once, the first `entitiesMax`. */
export function tweetEntities(text: string): { usernames: string[]; hashtags: string[] } {
  const usernames = new Set<string>();
  const hashtags = new Set<string>();
  for (const run of tweetRuns(text)) {
    if (run.kind === 'mention' && usernames.size < entitiesMax) usernames.add(usernameKey(run.username));
    if (run.kind === 'hashtag' && hashtags.size < entitiesMax) hashtags.add(hashtagKey(run.tag));
  }
  return { usernames: [...usernames], hashtags: [...hashtags] };
}
