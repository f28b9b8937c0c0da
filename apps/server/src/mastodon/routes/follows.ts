/** Follows: an account's followers and following, relationships, follow and unfollow. */
import { getTRPCErrorFromUnknown } from '@trpc/server';
import { z } from 'zod';
import type { Caller } from '../../rest/calls.ts';
import { type Call, route } from '../calls.ts';
import { type Account, accountSchema, loadAccounts } from '../entities/account.ts';
import { relationshipSchema, toRelationship } from '../entities/relationship.ts';
import { olderMayFollow, setPageLinks } from '../paging.ts';
import { accountLimits, flagParam, idOf, limitOf, pageParams, recordNotFound } from '../params.ts';
import { pageNames } from './timelines.ts';

/**
 * A paging parameter of a follow list: a follow id (`followId`), handed on as the text it came as
 * (it is too large for a number), for the procedure's schema to check.
 */
const followIdOf = (value: unknown) => (value === undefined || value === '' ? undefined : (value as string));

/**
 * Who follows an account, or whom it follows, as Accounts, most recent follow first. Paged as
 * Mastodon pages them, by the follow's id: here its position in the list (`followId`), which the
 * `Link` header carries; clients never see it otherwise, as in Mastodon.
 */
const followList =
  (direction: 'followers' | 'following') =>
  async ({ caller, params, origin, req, res }: Call): Promise<Account[]> => {
    const input = {
      userId: idOf(params.id),
      limit: limitOf(params.limit, accountLimits),
      maxId: followIdOf(params.max_id),
      sinceId: followIdOf(params.since_id),
      minId: followIdOf(params.min_id),
    };
    const page = await caller.follow[direction](input);
    return accountPage({ caller, origin, req, res }, page, input, (user) => user.followId ?? []);
  };

/**
 * A page of people as Accounts, in its order, with its `Link` by the ids the list pages by
 * (`pageId`: a follow's or a like's, which clients never see otherwise, as in Mastodon).
 */
export async function accountPage<U extends { id: number }>(
  { caller, origin, req, res }: Pick<Call, 'caller' | 'origin' | 'req' | 'res'>,
  page: { items: U[]; nextCursor: string | null },
  input: { limit: number; minId?: unknown },
  pageId: (user: U) => string | number | never[],
): Promise<Account[]> {
  setPageLinks(req, res, page.items.flatMap(pageId), olderMayFollow(page, input));
  const accounts = await loadAccounts(
    caller,
    origin,
    page.items.map((user) => user.id),
  );
  return page.items.flatMap((user) => accounts.get(user.id) ?? []);
}

/** An account id from a list of them, or undefined where the id names nobody. */
function accountIdOrNone(value: unknown): number | undefined {
  try {
    return idOf(value);
  } catch {
    return undefined;
  }
}

/** Which of `ids` name an account (one call): Mastodon leaves the others out of relationships. */
async function existing(caller: Caller, userIds: number[]): Promise<Set<number>> {
  return new Set((await caller.user.byIds({ userIds })).map((profile) => profile.id));
}

/**
 * Follows or unfollows, answering the Relationship as the change left it (the procedure says
 * whether they follow you too, so `write:follows` is enough). Mastodon's `reblogs`, `notify` and
 * `languages` change nothing here: a follow shows everything, and there are no notifications.
 */
const relationshipChange = (change: 'follow' | 'unfollow') =>
  route({
    method: 'post',
    path: `/api/v1/accounts/:id/${change}`,
    summary: change === 'follow' ? 'Follow an account (again: no change)' : 'Unfollow an account (again: no change)',
    tag: 'follows',
    scope: 'write:follows',
    params:
      change === 'follow'
        ? z.object({
            reblogs: flagParam('Taken and ignored: a follow shows everything'),
            notify: flagParam('Taken and ignored: no notifications'),
            'languages[]': z.array(z.string()).optional().meta({ description: 'Taken and ignored: every language' }),
          })
        : undefined,
    answer: relationshipSchema,
    handle: async ({ caller, params }) => {
      const userId = idOf(params.id);
      const changed = await caller.follow[change]({ userId }).catch((cause: unknown) => {
        // With an id that names someone, only yourself is refused: Mastodon will not follow yourself
        // as it will not follow nobody (404), and unfollowing yourself is a no-op.
        if (getTRPCErrorFromUnknown(cause).code !== 'BAD_REQUEST') throw cause;
        if (change === 'follow') throw recordNotFound();
        return { userId, following: false, followedBy: false };
      });
      return toRelationship(changed);
    },
  });

export const followRoutes = [
  route({
    method: 'get',
    path: '/api/v1/accounts/relationships',
    summary: 'Whether you follow each account, and it you (accounts that do not exist are left out)',
    tag: 'follows',
    scope: 'read:follows',
    params: z.object({
      'id[]': z.array(z.string()).optional().meta({ description: 'The accounts, in the order answered' }),
    }),
    answer: z.array(relationshipSchema),
    names: { userIds: 'id' },
    handle: async ({ caller, params }) => {
      const ids = [
        ...new Set(
          [params.id]
            .flat()
            .map(accountIdOrNone)
            .filter((id) => id !== undefined),
        ),
      ];
      if (!ids.length) {
        // Nothing to read, but still only for a token that may.
        await caller.auth.granted({ scope: 'read:follows' });
        return [];
      }
      const [found, relationships] = await Promise.all([
        existing(caller, ids),
        caller.follow.relationships({ userIds: ids }),
      ]);
      return relationships.filter((r) => found.has(r.userId)).map(toRelationship);
    },
  }),

  ...(['followers', 'following'] as const).map((direction) =>
    route({
      method: 'get',
      path: `/api/v1/accounts/:id/${direction}`,
      summary: direction === 'followers' ? 'Who follows an account' : 'Whom an account follows',
      description: 'Most recent follow first, paged by the follows (the `Link` header has their ids).',
      tag: 'follows',
      params: pageParams(accountLimits),
      answer: z.array(accountSchema),
      paged: true,
      names: { ...pageNames, userId: 'id' },
      handle: followList(direction),
    }),
  ),

  relationshipChange('follow'),
  relationshipChange('unfollow'),
];
