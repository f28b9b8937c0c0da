/** Follows: an account's followers and following, relationships, follow and unfollow. */
import { getTRPCErrorFromUnknown } from '@trpc/server';
import type { Router } from 'express';
import type { Caller } from '../../rest/calls.ts';
import type { Calls, MastodonRoute } from '../calls.ts';
import { loadAccounts } from '../entities/account.ts';
import { toRelationship } from '../entities/relationship.ts';
import { olderMayFollow, setPageLinks } from '../paging.ts';
import { accountLimits, idOf, limitOf, recordNotFound } from '../params.ts';
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
  (direction: 'followers' | 'following'): MastodonRoute =>
  async ({ caller, params, origin, req, res }) => {
    const input = {
      userId: idOf(params.id),
      limit: limitOf(params.limit, accountLimits),
      maxId: followIdOf(params.max_id),
      sinceId: followIdOf(params.since_id),
      minId: followIdOf(params.min_id),
    };
    const page = await caller.follow[direction](input);
    setPageLinks(
      req,
      res,
      page.items.flatMap((user) => user.followId ?? []),
      olderMayFollow(page, input),
    );
    const accounts = await loadAccounts(
      caller,
      origin,
      page.items.map((user) => user.id),
    );
    return page.items.flatMap((user) => accounts.get(user.id) ?? []);
  };

/** An account id from a list of them, or undefined where the id names nobody. */
function accountIdOrNone(value: unknown): number | undefined {
  try {
    return idOf(value);
  } catch {
    return undefined;
  }
}

/** Which of `ids` name an account: Mastodon leaves the others out of relationships. */
async function existing(caller: Caller, ids: readonly number[]): Promise<Set<number>> {
  const found = await Promise.all(
    ids.map((userId) =>
      caller.user.byId({ userId }).then(
        () => userId,
        (cause: unknown) => {
          if (getTRPCErrorFromUnknown(cause).code === 'NOT_FOUND') return undefined;
          throw cause;
        },
      ),
    ),
  );
  return new Set(found.filter((id) => id !== undefined));
}

/**
 * Follows or unfollows, answering the Relationship: `following` as the change left it (not read
 * back, which a replica may not have yet), `followed_by` read. Mastodon's `reblogs`, `notify` and
 * `languages` change nothing here: a follow shows everything, and there are no notifications.
 */
const relationshipChange =
  (change: 'follow' | 'unfollow'): MastodonRoute =>
  async ({ caller, params }) => {
    const userId = idOf(params.id);
    const changed = await caller.follow[change]({ userId }).catch((cause: unknown) => {
      // With an id that names someone, only yourself is refused: Mastodon will not follow yourself
      // as it will not follow nobody (404), and unfollowing yourself is a no-op.
      if (getTRPCErrorFromUnknown(cause).code !== 'BAD_REQUEST') throw cause;
      if (change === 'follow') throw recordNotFound();
      return { userId, following: false };
    });
    const [both] = await caller.follow.relationships({ userIds: [userId] });
    return toRelationship({ followedBy: both?.followedBy ?? false, ...changed });
  };

export function followRoutes(router: Router, call: Calls) {
  router.get(
    '/api/v1/accounts/relationships',
    ...call(
      async ({ caller, params }) => {
        const ids = [
          ...new Set(
            [params.id]
              .flat()
              .map(accountIdOrNone)
              .filter((id) => id !== undefined),
          ),
        ];
        if (!ids.length) return [];
        const [found, relationships] = await Promise.all([
          existing(caller, ids),
          caller.follow.relationships({ userIds: ids }),
        ]);
        return relationships.filter((r) => found.has(r.userId)).map(toRelationship);
      },
      { names: { userIds: 'id' } },
    ),
  );

  for (const direction of ['followers', 'following'] as const) {
    router.get(
      `/api/v1/accounts/:id/${direction}`,
      ...call(followList(direction), { names: { ...pageNames, userId: 'id' } }),
    );
  }

  router.post('/api/v1/accounts/:id/follow', ...call(relationshipChange('follow'), { body: true }));
  router.post('/api/v1/accounts/:id/unfollow', ...call(relationshipChange('unfollow'), { body: true }));
}
