/** Timelines: home, public (all of it is local), and an account's statuses. */
import type { TweetView } from '@miniter/api';
import type { Router } from 'express';
import type { Call, Calls, MastodonRoute } from '../calls.ts';
import { toStatuses } from '../entities/status.ts';
import type { FieldNames } from '../errors.ts';
import { olderMayFollow, setPageLinks } from '../paging.ts';
import { idOf, isTrue, limitOf, optionalId, statusLimits } from '../params.ts';

type TimelineInput = ReturnType<typeof timelineInput>;
type TweetPage = { items: TweetView[]; nextCursor: string | null };

/** The paging parameters' names in the procedures' inputs and in Mastodon's. */
export const pageNames: FieldNames = { maxId: 'max_id', sinceId: 'since_id', minId: 'min_id', limit: 'limit' };

/** A timeline page's input from Mastodon's `limit`, `max_id`, `since_id` and `min_id`. */
export function timelineInput({ params }: Call) {
  // Ids that are not numbers are handed on as they came, for the procedure's schema to refuse.
  return {
    limit: limitOf(params.limit, statusLimits),
    maxId: optionalId(params.max_id),
    sinceId: optionalId(params.since_id),
    minId: optionalId(params.min_id),
  } as { limit: number; maxId?: number; sinceId?: number; minId?: number };
}

/** A page of tweets as Statuses, with its `Link`. */
export async function sendStatusPage(call: Call, input: TimelineInput, page: TweetPage) {
  setPageLinks(
    call.req,
    call.res,
    page.items.map((t) => t.id),
    olderMayFollow(page, input),
  );
  return toStatuses(call.caller, call.origin, page.items);
}

export function timelineRoutes(router: Router, call: Calls) {
  /** A timeline route: `read` finds the page, or null where none can hold anything. */
  const timeline =
    (read: (call: Call, input: TimelineInput) => Promise<TweetPage | null>): MastodonRoute =>
    async (c) => {
      const input = timelineInput(c);
      const page = await read(c, input);
      return page ? sendStatusPage(c, input, page) : [];
    };

  router.get(
    '/api/v1/timelines/home',
    ...call(
      timeline(async ({ caller }, input) => caller.timeline.home(input)),
      { names: pageNames },
    ),
  );
  // Every status here is local: `local` changes nothing, `remote` finds none, nor does `only_media`.
  router.get(
    '/api/v1/timelines/public',
    ...call(
      timeline(async ({ caller, params }, input) =>
        isTrue(params.remote) || isTrue(params.only_media) ? null : caller.timeline.public(input),
      ),
      { names: pageNames },
    ),
  );
  // No replies or boosts to exclude; nothing is pinned and nothing has media yet.
  router.get(
    '/api/v1/accounts/:id/statuses',
    ...call(
      timeline(async ({ caller, params }, input) => {
        const userId = idOf(params.id);
        if (isTrue(params.pinned) || isTrue(params.only_media) || params.tagged !== undefined) {
          // Still Mastodon's 404 for nobody.
          await caller.user.byId({ userId });
          return null;
        }
        return caller.tweet.byAuthor({ userId, ...input });
      }),
      { names: { ...pageNames, userId: 'id' } },
    ),
  );
}
