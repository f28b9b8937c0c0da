/** Statuses: post, read, delete. */
import { schemas } from '@miniter/api';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { type Call, route } from '../calls.ts';
import { accountSchema, loadAccounts } from '../entities/account.ts';
import { entityId } from '../entities/common.ts';
import { authorIds, type Status, statusesOf, statusSchema, toStatuses } from '../entities/status.ts';
import { accountLimits, idOf, idPageInput, isTrue, pageParams } from '../params.ts';
import { accountPage } from './follows.ts';
import { pageNames } from './timelines.ts';

/**
 * What Mastodon lets a status have that a tweet cannot: refused by name rather than dropped, so
 * that nothing meant for a few (a direct or private status) or behind a warning is posted in the open.
 */
const unsupported: Record<string, (value: unknown) => boolean> = {
  visibility: (value) => value !== 'public',
  spoiler_text: (value) => value !== '',
  sensitive: isTrue,
  // Some apps send an empty `media_ids[]` with a form: no media.
  media_ids: (value) => [value].flat().some((id) => id !== ''),
  poll: (value) => value !== null,
  scheduled_at: (value) => value !== null && value !== '',
  quoted_status_id: (value) => value !== null && value !== '',
};

/** The parameters above, each refused by name when it asks for what a tweet cannot be. */
const tweetable = z.object(
  Object.fromEntries(
    Object.entries(unsupported).map(([name, asks]) => [
      name,
      z
        .unknown()
        .optional()
        .refine((value) => value === undefined || !asks(value), {
          message: `${name}: Miniter's statuses are public and plain text`,
          params: { code: 'unsupported' },
        }),
    ]),
  ),
);

function refuseUnsupported(params: Record<string, unknown>) {
  const checked = tweetable.safeParse(params);
  if (!checked.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: checked.error });
}

/** What the document says a tweet can be of each parameter above. */
const onlyPublic = 'Only what a public, plain status has';

/** Who liked or reposted a status: Accounts, most recent first, paged by their likes or reposts. */
function peopleRoute(
  list: string,
  summary: string,
  entries: string,
  read: (
    caller: Call['caller'],
    input: { tweetId: number; limit: number },
  ) => Promise<{ items: Array<{ id: number; entryId: number }>; nextCursor: string | null }>,
) {
  return route({
    method: 'get',
    path: `/api/v1/statuses/:id/${list}`,
    summary,
    description: `Most recent first, paged by the ${entries} (the \`Link\` header has their ids).`,
    tag: 'statuses',
    params: pageParams(accountLimits),
    answer: z.array(accountSchema),
    paged: true,
    names: { ...pageNames, tweetId: 'id' },
    handle: async (call) => {
      const input = { tweetId: idOf(call.params.id), ...idPageInput(call.params, accountLimits) };
      return accountPage(call, await read(call.caller, input), input, (user) => user.entryId);
    },
  });
}

/** A status's one status: the route reads one tweet, and the first of a list of one is it. */
const only = ([status]: Status[]) => status as Status;

export const statusRoutes = [
  route({
    method: 'post',
    path: '/api/v1/statuses',
    summary: 'Post a status',
    description:
      'Form, JSON or multipart; a reply with `in_reply_to_id`. Whatever a tweet cannot be (private, with a warning, media, a poll) is refused by name.',
    tag: 'statuses',
    scope: 'write:statuses',
    params: z.object({
      status: schemas.tweetInput.shape.text.meta({ description: 'The text' }),
      visibility: z.literal('public').optional().meta({ description: onlyPublic }),
      spoiler_text: z.literal('').optional().meta({ description: onlyPublic }),
      sensitive: z.literal(false).optional().meta({ description: onlyPublic }),
      in_reply_to_id: entityId('The status this answers').nullable().optional(),
      'media_ids[]': z.array(z.string()).max(0).optional().meta({ description: onlyPublic }),
      poll: z.null().optional().meta({ description: onlyPublic }),
      scheduled_at: z.null().optional().meta({ description: onlyPublic }),
      quoted_status_id: z.null().optional().meta({ description: onlyPublic }),
      language: z.string().optional().meta({ description: 'Taken and ignored' }),
    }),
    answer: statusSchema,
    // The status it answers is gone.
    statuses: [404],
    idempotencyKey: true,
    names: { text: 'status', inReplyToId: 'in_reply_to_id' },
    handle: async ({ caller, origin, params }) => {
      refuseUnsupported(params);
      // Some apps send an empty one with a form: no reply.
      const inReplyTo = params.in_reply_to_id;
      const inReplyToId =
        inReplyTo === undefined || inReplyTo === '' || inReplyTo === null ? undefined : idOf(inReplyTo);
      // The Idempotency-Key header is the context's: a retried post is written once.
      const tweet = await caller.tweet.create({ text: params.status as string, inReplyToId });
      return only(await toStatuses(caller, origin, [tweet]));
    },
  }),

  route({
    method: 'get',
    path: '/api/v1/statuses/:id',
    summary: 'A status',
    tag: 'statuses',
    answer: statusSchema,
    handle: async ({ caller, origin, params }) =>
      only(await toStatuses(caller, origin, [await caller.tweet.byId({ tweetId: idOf(params.id) })])),
  }),

  route({
    method: 'get',
    path: '/api/v1/statuses/:id/context',
    summary: "A status's thread: what it answers, up the chain, and the replies below it",
    description: `Ancestors oldest first; descendants depth first, the first ${schemas.threadPageMax}.`,
    tag: 'statuses',
    answer: z
      .object({
        ancestors: z.array(statusSchema).meta({ description: 'Oldest first, up to the status it answers' }),
        descendants: z.array(statusSchema).meta({ description: "Depth first, each reply's replies below it" }),
      })
      .meta({ id: 'Context' }),
    handle: async ({ caller, origin, params }) => {
      // Mastodon's apps do not page a thread: they get its first page, as large as pages go.
      const thread = await caller.tweet.context({ tweetId: idOf(params.id), limit: schemas.threadPageMax });
      const tweets = [...thread.ancestors, ...thread.descendants];
      const accounts = await loadAccounts(caller, origin, authorIds(tweets));
      return {
        ancestors: statusesOf(thread.ancestors, accounts, origin),
        descendants: statusesOf(thread.descendants, accounts, origin),
      };
    },
  }),

  ...(['favourite', 'unfavourite'] as const).map((change) =>
    route({
      method: 'post',
      path: `/api/v1/statuses/:id/${change}`,
      summary: change === 'favourite' ? 'Like a status' : 'Take your like of a status back',
      description: 'Idempotent: a second time changes nothing. Answers the status with its count.',
      tag: 'statuses',
      scope: 'write:favourites',
      answer: statusSchema,
      handle: async ({ caller, origin, params }) => {
        const tweetId = idOf(params.id);
        const tweet = await (change === 'favourite'
          ? caller.tweet.like({ tweetId })
          : caller.tweet.unlike({ tweetId }));
        return only(await toStatuses(caller, origin, [tweet]));
      },
    }),
  ),

  ...(['reblog', 'unreblog'] as const).map((change) =>
    route({
      method: 'post',
      path: `/api/v1/statuses/:id/${change}`,
      summary: change === 'reblog' ? 'Repost a status (boost)' : 'Take your repost of a status back',
      description:
        change === 'reblog'
          ? 'Idempotent. Answers your repost: a status whose `reblog` is the one it passes on, with its count.'
          : 'Idempotent. Answers the status with its count.',
      tag: 'statuses',
      scope: 'write:statuses',
      answer: statusSchema,
      handle: async ({ caller, origin, params }) => {
        const tweetId = idOf(params.id);
        const tweet = await (change === 'reblog'
          ? caller.tweet.repost({ tweetId })
          : caller.tweet.unrepost({ tweetId }));
        return only(await toStatuses(caller, origin, [tweet]));
      },
    }),
  ),

  peopleRoute('favourited_by', 'Who liked a status', 'likes', async (caller, input) => {
    const page = await caller.tweet.likedBy(input);
    return { ...page, items: page.items.map((user) => ({ ...user, entryId: user.likeId })) };
  }),

  peopleRoute('reblogged_by', 'Who reposted a status', 'reposts', async (caller, input) => {
    const page = await caller.tweet.repostedBy(input);
    return { ...page, items: page.items.map((user) => ({ ...user, entryId: user.repostId })) };
  }),

  route({
    method: 'delete',
    path: '/api/v1/statuses/:id',
    summary: 'Delete one of your statuses',
    description: 'Answers the deleted status with its `text`, for a redraft.',
    tag: 'statuses',
    scope: 'write:statuses',
    answer: statusSchema,
    handle: async ({ caller, origin, params }) => {
      const tweetId = idOf(params.id);
      const tweet = await caller.tweet.byId({ tweetId });
      const status = only(await toStatuses(caller, origin, [tweet], { source: true }));
      await caller.tweet.delete({ tweetId });
      return status;
    },
  }),
];
