/**
 * Mastodon's Status from a tweet: public, with no media, polls or boosts yet, so those keys hold
 * their empty values; its likes are Mastodon's favourites. `text`, the plain
 * source, is given where Mastodon gives it: in the answer to a deletion, for redrafting.
 */
import type { TweetView } from '@miniter/api';
import { usernameKey } from '@miniter/db/handles';
import { z } from 'zod';
import type { Caller } from '../../rest/calls.ts';
import { textToHtml } from '../html.ts';
import { type Account, accountSchema, loadAccounts } from './account.ts';
import { always, alwaysNull, entityId, none } from './common.ts';
import { mentionSchema, tagSchema, toMention, toTag } from './tag.ts';

export const statusSchema = z
  .object({
    id: entityId('The status id'),
    uri: z.url(),
    url: z.url().meta({ description: "The status's page" }),
    created_at: z.iso.datetime(),
    account: accountSchema,
    content: z.string().meta({
      description: 'The text as HTML: escaped, in paragraphs and line breaks, web addresses as links',
      example: '<p>Hello World!</p>',
    }),
    visibility: always('public', 'every status is public'),
    sensitive: always(false, 'nothing is marked sensitive'),
    spoiler_text: always('', 'no content warnings'),
    media_attachments: none('no media yet'),
    application: alwaysNull('the posting application is not shown'),
    mentions: z.array(mentionSchema).meta({ description: 'The accounts its text mentions' }),
    tags: z.array(tagSchema).meta({ description: 'Its hashtags' }),
    emojis: none('no custom emoji'),
    reblogs_count: always(0, 'no boosts'),
    favourites_count: z.int().nonnegative().meta({ description: 'Its likes' }),
    quotes_count: always(0, 'no quotes'),
    replies_count: z.int().nonnegative().meta({ description: 'Its replies' }),
    in_reply_to_id: entityId('The status it answers (perhaps deleted since)').nullable(),
    in_reply_to_account_id: entityId("That status's author").nullable(),
    reblog: alwaysNull('no boosts'),
    poll: alwaysNull('no polls'),
    card: alwaysNull('no preview cards'),
    language: alwaysNull('languages are not detected'),
    text: z
      .string()
      .nullable()
      .meta({ description: 'The plain text, in the answer to a deletion (to redraft); else null' }),
    edited_at: alwaysNull('statuses are not edited'),
    quote: alwaysNull('no quotes'),
    favourited: z.boolean().meta({ description: 'Whether you liked it (false when signed out)' }),
    reblogged: always(false, 'no boosts'),
    muted: always(false, 'no mutes'),
    bookmarked: always(false, 'no bookmarks'),
    pinned: always(false, 'nothing is pinned'),
    filtered: none('no filters'),
  })
  .meta({ id: 'Status' });

export type Status = z.infer<typeof statusSchema>;

export function toStatus(tweet: TweetView, account: Account, origin: string, { source = false } = {}): Status {
  const { username } = tweet.author;
  return {
    id: String(tweet.id),
    uri: `${origin}/users/${username}/statuses/${tweet.id}`,
    url: `${origin}/@${username}/${tweet.id}`,
    created_at: tweet.createdAt,
    account,
    content: textToHtml(tweet.text, { origin, mentioned: new Set(tweet.mentions.map((m) => usernameKey(m.username))) }),
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    media_attachments: [],
    application: null,
    mentions: tweet.mentions.map((mention) => toMention(mention, origin)),
    tags: tweet.hashtags.map((tag) => toTag(tag, origin)),
    emojis: [],
    reblogs_count: 0,
    favourites_count: tweet.likeCount,
    quotes_count: 0,
    replies_count: tweet.replyCount,
    in_reply_to_id: tweet.inReplyTo && String(tweet.inReplyTo.id),
    in_reply_to_account_id: tweet.inReplyTo && String(tweet.inReplyTo.userId),
    reblog: null,
    poll: null,
    card: null,
    language: null,
    text: source ? tweet.text : null,
    edited_at: null,
    quote: null,
    favourited: tweet.liked,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    filtered: [],
  };
}

/** Statuses of tweets in their order, their authors' Accounts read in one call. */
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
  return statusesOf(tweets, accounts, origin, options);
}

/** Statuses of tweets in their order, with their authors' Accounts from `accounts`. */
export function statusesOf(
  tweets: readonly TweetView[],
  accounts: ReadonlyMap<number, Account>,
  origin: string,
  options?: { source?: boolean },
): Status[] {
  // (An author deleted since the tweet was read is gone with their tweets.)
  return tweets.flatMap((t) => {
    const account = accounts.get(t.author.id);
    return account ? [toStatus(t, account, origin, options)] : [];
  });
}
