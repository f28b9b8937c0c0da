/**
 * What every procedure answers, as zod schemas: the REST document (OpenAPI) is generated from them,
 * and REST tests validate real answers against that document. They are checked against the
 * procedures' inferred output types at compile time (`satisfies` below), and not run on every call:
 * `.output()` would validate each answer again on the hot path.
 */
import { z } from 'zod';
import type { RouterOutputs } from './root.ts';

const isoTime = z.iso.datetime().meta({ example: '2026-12-01T12:00:00.000Z' });
const id = z.int().positive().meta({ example: 1 });
const pictureUrl = z.url().nullable().meta({ description: 'The 400×400 WebP picture, or null when there is none' });

const username = z.string().meta({ example: 'song', description: 'The @handle, without the @' });
export const userSummary = z
  .object({ id, name: z.string().meta({ example: 'Song' }), username, profilePictureUrl: pictureUrl })
  .meta({ id: 'UserSummary' });
export const publicUser = userSummary
  .extend({ profile: z.string().meta({ example: 'Hello, I am Song' }), createdAt: isoTime })
  .meta({ id: 'PublicUser' });
export const tweet = z
  .object({ id, text: z.string().meta({ example: 'Hello World!' }), createdAt: isoTime, author: userSummary })
  .meta({ id: 'Tweet' });

const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'Pass back as `cursor` for the next page; null at the end' }),
    })
    .meta({ id: name });

const session = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.int().meta({ description: 'Seconds until the token expires' }),
    user: publicUser,
  })
  .meta({ id: 'Session' });
const relationship = z.object({ userId: id, following: z.boolean() }).meta({ id: 'Relationship' });
const tweetPage = pageOf(tweet, 'TweetPage');
const userPage = pageOf(publicUser, 'UserPage');
const followPage = pageOf(
  publicUser
    .extend({
      // Optional as the procedure's type has it (`FollowListUser`); every follow list's item has one.
      followId: z.string().optional().meta({
        example: '17650000000000000000042',
        description:
          "The follow's id in this list, which orders as the list does: pass as `maxId`, `sinceId` or `minId`",
      }),
    })
    .meta({ id: 'FollowListUser' }),
  'FollowPage',
);
const account = publicUser.extend({ email: z.email() }).meta({ id: 'Account' });
const profile = publicUser
  .extend({ followerCount: z.int(), followingCount: z.int(), tweetCount: z.int() })
  .meta({ id: 'Profile' });

/** A subscription is described by one event's data. */
type Answer<T> = T extends AsyncIterable<{ data: infer D }> ? D : T;
type Outputs = {
  [R in keyof RouterOutputs]: { [P in keyof RouterOutputs[R]]: z.ZodType<Answer<RouterOutputs[R][P]>> };
};

export const outputs = {
  health: { ping: z.literal('pong') },
  auth: {
    signUp: publicUser,
    login: session,
    logout: z.object({ loggedOut: z.literal(true) }),
    logoutAll: z.object({ loggedOut: z.literal(true) }),
    changePassword: session,
    deleteAccount: z.object({ deleted: z.literal(true) }),
    streamTicket: z
      .object({ ticket: z.string(), expiresIn: z.int().meta({ example: 60 }) })
      .meta({ id: 'StreamTicket' }),
  },
  user: {
    me: account,
    byId: profile,
    byUsername: profile,
    updateProfile: account,
    search: userPage,
    suggestions: z.array(publicUser),
    profilePicture: z.object({ url: z.url(), thumbnailUrl: z.url() }).meta({ id: 'ProfilePicture' }),
    uploadProfilePicture: z.object({ profilePictureUrl: z.url() }),
    removeProfilePicture: z.object({ profilePictureUrl: z.null() }),
  },
  tweet: { create: tweet, byId: tweet, delete: z.object({ id }), byAuthor: tweetPage },
  follow: {
    follow: relationship,
    unfollow: relationship,
    relationship,
    relationships: z.array(relationship.extend({ followedBy: z.boolean() }).meta({ id: 'MutualRelationship' })),
    followers: followPage,
    following: followPage,
  },
  timeline: {
    home: tweetPage,
    public: tweetPage,
    user: tweetPage,
    live: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('tweet'), tweet }),
        z.object({ type: z.literal('delete'), tweetId: id }),
        z.object({ type: z.literal('reset') }),
      ])
      .meta({ id: 'LiveEvent' }),
  },
  instance: {
    stats: z.object({ users: z.int().nonnegative(), tweets: z.int().nonnegative() }).meta({ id: 'InstanceStats' }),
  },
  oauth: {
    registerApp: z
      .object({
        id,
        name: z.string(),
        website: z.string().nullable(),
        redirectUris: z.array(z.string()),
        scopes: z.array(z.string()),
        clientId: z.string(),
        clientSecret: z.string(),
        createdAt: isoTime,
      })
      .meta({ id: 'OAuthApplication' }),
    client: z.object({
      name: z.string(),
      website: z.string().nullable(),
      scopes: z.array(z.string()),
      denyTo: z.url().nullable(),
    }),
    authorize: z.object({ code: z.string(), redirectTo: z.url().nullable() }),
    revoke: z.object({}),
    authorizedApps: z.array(
      z
        .object({
          id,
          name: z.string(),
          website: z.string().nullable(),
          scopes: z.array(z.string()),
          authorizedAt: isoTime,
          lastUsedAt: isoTime.nullable(),
        })
        .meta({ id: 'AuthorizedApplication' }),
    ),
    revokeApp: z.object({ revoked: z.literal(true) }),
  },
} satisfies Outputs;
