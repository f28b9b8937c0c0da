/**
 * Mastodon's Account from a Miniter profile (`user.byId`): the handle is `username` and `acct`
 * (every account is local), the name `display_name`, the bio `note` as HTML. Miniter has no locked,
 * bot or group accounts, profile fields or custom emoji: those are constant. The schema is what the
 * OpenAPI document says of it, and the mappers' type, so an answer cannot drift from it.
 */
import type { RouterOutputs } from '@miniter/api';
import { z } from 'zod';
import type { Caller } from '../../rest/calls.ts';
import { defaultPictureUrl } from '../default-pictures.ts';
import { textToHtml } from '../html.ts';
import { always, entityId, none } from './common.ts';

export const accountSchema = z
  .object({
    id: entityId('The account id'),
    username: z.string().meta({ description: 'The @handle, without the @', example: 'song' }),
    acct: z.string().meta({ description: 'As `username`: every account is local', example: 'song' }),
    display_name: z.string().meta({ example: 'Song Kim' }),
    locked: always(false, 'Follows need no approval'),
    bot: always(false, 'No bot accounts'),
    discoverable: always(true, 'Every account can be found'),
    indexable: always(false, 'Search engines are not invited'),
    group: always(false, 'No group accounts'),
    created_at: z.iso.datetime(),
    note: z.string().meta({ description: 'The bio as HTML', example: '<p>Hello</p>' }),
    url: z.url().meta({ description: 'The profile page' }),
    uri: z.url(),
    avatar: z.url().meta({ description: 'The picture, or a default one' }),
    avatar_static: z.url(),
    avatar_description: z.string(),
    header: z.url().meta({ description: 'Always the default header: Miniter has no header pictures' }),
    header_static: z.url(),
    header_description: z.string(),
    followers_count: z.int().nonnegative(),
    following_count: z.int().nonnegative(),
    statuses_count: z.int().nonnegative(),
    last_status_at: z.iso.date().nullable().meta({ description: 'The day of the newest status; null with none' }),
    hide_collections: always(false, 'Followers and following are public'),
    noindex: always(false, 'Search engines may index the account'),
    emojis: none('no custom emoji'),
    roles: none('no roles'),
    fields: none('no profile fields'),
  })
  .meta({ id: 'Account' });

export type Account = z.infer<typeof accountSchema>;

export const credentialAccountSchema = accountSchema
  .extend({
    source: z
      .object({
        privacy: always('public', 'Every status is public'),
        sensitive: always(false, 'Nothing is marked sensitive'),
        language: always('', 'No default language'),
        note: z.string().meta({ description: 'The bio as plain text, to edit' }),
        fields: none('no profile fields'),
        follow_requests_count: always(0, 'No follow requests'),
        hide_collections: always(false, 'Followers and following are public'),
        discoverable: always(true, 'Every account can be found'),
        indexable: always(false, 'Search engines are not invited'),
        attribution_domains: none('no attribution domains'),
      })
      .meta({ description: 'What the profile is edited from' }),
  })
  .meta({ id: 'CredentialAccount' });

export type CredentialAccount = z.infer<typeof credentialAccountSchema>;

export type Profile = RouterOutputs['user']['byId'];

/** A profile's Account: what `user.byId` answers is all it needs (its counts and last tweet included). */
export function toAccount(profile: Profile, origin: string): Account {
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
    last_status_at: profile.lastTweetAt?.slice(0, 10) ?? null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: [],
  };
}

/** The signed-in user's own Account (verify_credentials): also the `source` their profile is edited from. */
export const toCredentialAccount = (account: Account, profile: Profile): CredentialAccount => ({
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
export async function credentialAccountOf(
  caller: Caller,
  origin: string,
  own: RouterOutputs['user']['me'],
): Promise<CredentialAccount> {
  const { email: _email, ...fields } = own;
  const profile = { ...(await caller.user.byId({ userId: own.id })), ...fields };
  return toCredentialAccount(toAccount(profile, origin), profile);
}

/** The Accounts of `ids` that exist, by id: one call, one statement. */
export async function loadAccounts(caller: Caller, origin: string, ids: readonly number[]) {
  const userIds = [...new Set(ids)];
  return accountsOf(userIds.length ? await caller.user.byIds({ userIds }) : [], origin);
}

/** Profiles' Accounts, by id. */
export const accountsOf = (profiles: readonly Profile[], origin: string) =>
  new Map(profiles.map((profile) => [profile.id, toAccount(profile, origin)]));
