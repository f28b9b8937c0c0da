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

/** A Status's own keys, whether it passes another on (`reblog`) or not. */
const statusFields = {
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
  reblogs_count: z.int().nonnegative().meta({ description: 'Its reposts' }),
  favourites_count: z.int().nonnegative().meta({ description: 'Its likes' }),
  quotes_count: always(0, 'no quotes'),
  replies_count: z.int().nonnegative().meta({ description: 'Its replies' }),
  in_reply_to_id: entityId('The status it answers (perhaps deleted since)').nullable(),
  in_reply_to_account_id: entityId("That status's author").nullable(),
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
  reblogged: z.boolean().meta({ description: 'Whether you reposted it (false when signed out)' }),
  muted: always(false, 'no mutes'),
  bookmarked: always(false, 'no bookmarks'),
  pinned: always(false, 'nothing is pinned'),
  filtered: none('no filters'),
};

/** The status a repost passes on: never a repost itself. */
const rebloggedSchema = z
  .object({ ...statusFields, reblog: alwaysNull('what a repost passes on is never a repost') })
  .meta({ id: 'RebloggedStatus' });

export const statusSchema = z
  .object({
    ...statusFields,
    reblog: rebloggedSchema.nullable().meta({ description: "A repost (Mastodon's boost): the status it passes on" }),
  })
  .meta({ id: 'Status' });

export type Status = z.infer<typeof statusSchema>;

export function toStatus(
  tweet: TweetView,
  account: Account,
  origin: string,
  { source = false } = {},
  reblog: Status['reblog'] = null,
): Status {
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
    reblogs_count: tweet.repostCount,
    favourites_count: tweet.likeCount,
    quotes_count: 0,
    replies_count: tweet.replyCount,
    in_reply_to_id: tweet.inReplyTo && String(tweet.inReplyTo.id),
    in_reply_to_account_id: tweet.inReplyTo && String(tweet.inReplyTo.userId),
    reblog,
    poll: null,
    card: null,
    language: null,
    text: source ? tweet.text : null,
    edited_at: null,
    quote: null,
    favourited: tweet.liked,
    reblogged: tweet.reposted,
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
  const accounts = await loadAccounts(caller, origin, authorIds(tweets));
  return statusesOf(tweets, accounts, origin, options);
}

/** The authors of tweets and of what their reposts pass on: whose Accounts their Statuses embed. */
export const authorIds = (tweets: readonly TweetView[]) =>
  tweets.flatMap((t) => (t.repostOf ? [t.author.id, t.repostOf.author.id] : [t.author.id]));

/** Statuses of tweets in their order, with their authors' Accounts from `accounts`. */
export function statusesOf(
  tweets: readonly TweetView[],
  accounts: ReadonlyMap<number, Account>,
  origin: string,
  options?: { source?: boolean },
): Status[] {
  // (An author deleted since the tweet was read is gone with their tweets, and their reposts.)
  return tweets.flatMap((t) => {
    const account = accounts.get(t.author.id);
    if (!account) return [];
    if (!t.repostOf) return [toStatus(t, account, origin, options)];
    const originalAccount = accounts.get(t.repostOf.author.id);
    if (!originalAccount) return [];
    const reblog = { ...toStatus(t.repostOf, originalAccount, origin), reblog: null };
    return [toStatus(t, account, origin, options, reblog)];
  });
}
