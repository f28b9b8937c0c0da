/**
 * Mastodon's Status from a tweet: public, with no media, mentions, tags, polls, replies, boosts or
 * favourites yet, so those keys hold their empty values. `text`, the plain source, is given where
 * Mastodon gives it: in the answer to a deletion, for redrafting.
 */
import type { TweetView } from '@miniter/api';
import type { Caller } from '../../rest/calls.ts';
import { textToHtml } from '../html.ts';
import { type Account, loadAccounts } from './account.ts';

export function toStatus(tweet: TweetView, account: Account, origin: string, { source = false } = {}) {
  const { username } = tweet.author;
  return {
    id: String(tweet.id),
    uri: `${origin}/users/${username}/statuses/${tweet.id}`,
    url: `${origin}/@${username}/${tweet.id}`,
    created_at: tweet.createdAt,
    account,
    content: textToHtml(tweet.text),
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    media_attachments: [],
    application: null,
    mentions: [],
    tags: [],
    emojis: [],
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    replies_count: 0,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog: null,
    poll: null,
    card: null,
    language: null,
    text: source ? tweet.text : null,
    edited_at: null,
    quote: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    filtered: [],
  };
}

export type Status = ReturnType<typeof toStatus>;

/** Statuses of tweets in their order, each author's Account read once. */
export async function toStatuses(
  caller: Caller,
  origin: string,
  tweets: readonly TweetView[],
  options?: { source?: boolean },
): Promise<Status[]> {
  const accounts = await loadAccounts(
    caller,
    origin,
    tweets.map((t) => t.author.id),
  );
  return tweets.map((t) => toStatus(t, accounts.get(t.author.id) as Account, origin, options));
}
