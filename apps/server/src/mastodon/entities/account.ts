/**
 * Mastodon's Account from a Miniter profile (`user.byId`): the handle is `username` and `acct`
 * (every account is local), the name `display_name`, the bio `note` as HTML. Miniter has no locked,
 * bot or group accounts, profile fields or custom emoji: those are constant.
 */
import type { RouterOutputs } from '@miniter/api';
import type { Caller } from '../../rest/calls.ts';
import { defaultPictureUrl } from '../default-pictures.ts';
import { textToHtml } from '../html.ts';

export type Profile = RouterOutputs['user']['byId'];

export function toAccount(profile: Profile, lastStatusAt: string | null, origin: string) {
  const avatar = profile.profilePictureUrl ?? defaultPictureUrl(origin, 'avatar');
  const header = defaultPictureUrl(origin, 'header');
  return {
    id: String(profile.id),
    username: profile.username,
    acct: profile.username,
    display_name: profile.name,
    locked: false,
    bot: false,
    discoverable: true,
    indexable: false,
    group: false,
    created_at: profile.createdAt,
    note: textToHtml(profile.profile),
    url: `${origin}/@${profile.username}`,
    uri: `${origin}/users/${profile.username}`,
    avatar,
    avatar_static: avatar,
    avatar_description: '',
    header,
    header_static: header,
    header_description: '',
    followers_count: profile.followerCount,
    following_count: profile.followingCount,
    statuses_count: profile.tweetCount,
    // Mastodon gives the day alone.
    last_status_at: lastStatusAt?.slice(0, 10) ?? null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

export type Account = ReturnType<typeof toAccount>;

/** The signed-in user's own Account (verify_credentials): also the `source` their profile is edited from. */
export const toCredentialAccount = (account: Account, profile: Profile) => ({
  ...account,
  source: {
    privacy: 'public',
    sensitive: false,
    language: '',
    note: profile.profile,
    fields: [],
    follow_requests_count: 0,
    hide_collections: false,
    discoverable: true,
    indexable: false,
    attribution_domains: [],
  },
});

/**
 * The signed-in user's CredentialAccount from their own account as a procedure answered it (`user.me`,
 * `user.updateProfile`): its counts from `user.byId`, its profile from the answer, which was read
 * from (or written to) the primary where `byId` may read a replica a moment behind.
 */
export async function credentialAccountOf(caller: Caller, origin: string, own: RouterOutputs['user']['me']) {
  const { email: _email, ...fields } = own;
  const profile = { ...(await caller.user.byId({ userId: own.id })), ...fields };
  return toCredentialAccount(await accountOf(caller, origin, profile), profile);
}

/** A profile's Account, its last status read from the author's newest tweet. */
export async function accountOf(caller: Caller, origin: string, profile: Profile): Promise<Account> {
  const newest = await caller.tweet.byAuthor({ userId: profile.id, limit: 1 });
  return toAccount(profile, newest.items[0]?.createdAt ?? null, origin);
}

/**
 * The Accounts of `ids`, each read once: the profiles of one request are one statement
 * (`user.byId` batches them), their newest tweets one small read each.
 */
export async function loadAccounts(caller: Caller, origin: string, ids: readonly number[]) {
  const accounts = await Promise.all(
    [...new Set(ids)].map(async (userId) => {
      const profile = await caller.user.byId({ userId });
      return [userId, await accountOf(caller, origin, profile)] as const;
    }),
  );
  return new Map(accounts);
}
