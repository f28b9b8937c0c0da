/** Statuses: post, read, delete. */
import { TRPCError } from '@trpc/server';
import type { Router } from 'express';
import { z } from 'zod';
import type { Calls } from '../calls.ts';
import { toStatuses } from '../entities/status.ts';
import { idOf, isTrue } from '../params.ts';

/**
 * What Mastodon lets a status have that a tweet cannot: refused by name rather than dropped, so
 * that nothing meant for a few (a direct or private status) or behind a warning is posted in the open.
 */
const unsupported: Record<string, (value: unknown) => boolean> = {
  visibility: (value) => value !== 'public',
  spoiler_text: (value) => value !== '',
  sensitive: isTrue,
  in_reply_to_id: (value) => value !== '' && value !== null,
  media_ids: (value) => !Array.isArray(value) || value.length > 0,
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
          message: `${name}: Miniter's statuses are public, plain text and stand alone`,
          params: { code: 'unsupported' },
        }),
    ]),
  ),
);

function refuseUnsupported(params: Record<string, unknown>) {
  const checked = tweetable.safeParse(params);
  if (!checked.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: checked.error });
}

export function statusRoutes(router: Router, call: Calls) {
  router.post(
    '/api/v1/statuses',
    ...call(
      async ({ caller, origin, params }) => {
        refuseUnsupported(params);
        // The Idempotency-Key header is the context's: a retried post is written once.
        const tweet = await caller.tweet.create({ text: params.status as string });
        const [status] = await toStatuses(caller, origin, [tweet]);
        return status;
      },
      { names: { text: 'status' }, body: true },
    ),
  );

  router.get(
    '/api/v1/statuses/:id',
    ...call(async ({ caller, origin, params }) => {
      const [status] = await toStatuses(caller, origin, [await caller.tweet.byId({ tweetId: idOf(params.id) })]);
      return status;
    }),
  );

  // No replies yet: a status that exists stands alone.
  router.get(
    '/api/v1/statuses/:id/context',
    ...call(async ({ caller, params }) => {
      await caller.tweet.byId({ tweetId: idOf(params.id) });
      return { ancestors: [], descendants: [] };
    }),
  );

  // Answers the deleted status with its `text`, for a redraft.
  router.delete(
    '/api/v1/statuses/:id',
    ...call(async ({ caller, origin, params }) => {
      const tweetId = idOf(params.id);
      const tweet = await caller.tweet.byId({ tweetId });
      const [status] = await toStatuses(caller, origin, [tweet], { source: true });
      await caller.tweet.delete({ tweetId });
      return status;
    }),
  );
}
