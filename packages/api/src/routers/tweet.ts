import type { TRPCRouterRecord } from '@trpc/server';
import { tweetIdInput, tweetInput } from '../schemas.ts';
import { createTweet, deleteTweet, getTweet } from '../services/tweets.ts';
import { tweet } from '../shape.ts';
import { idempotent, protectedProcedure, publicProcedure } from '../trpc.ts';
import { userTweetsQuery } from './timeline.ts';

export const tweetRouter = {
  /** Honours `Idempotency-Key`: a retried post is written once. */
  create: protectedProcedure
    .meta({ retrySafe: 'key', scope: 'write:statuses' })
    .input(tweetInput)
    .mutation(async ({ ctx, input, path }) => {
      const created = await idempotent(ctx, { path, input }, async (em) =>
        tweet(await createTweet(em, ctx.user, input.text), ctx.media),
      );
      ctx.live?.written();
      return created;
    }),

  /** Honours `Idempotency-Key`: a retried deletion answers as the first did, not NOT_FOUND. */
  delete: protectedProcedure
    .meta({ retrySafe: 'key', scope: 'write:statuses' })
    .input(tweetIdInput)
    .mutation(async ({ ctx, input, path }) => {
      const deleted = await idempotent(ctx, { path, input }, async (em) => {
        await deleteTweet(em, ctx.user, input.tweetId);
        return { id: input.tweetId };
      });
      ctx.live?.written();
      return deleted;
    }),

  /** One tweet, by id. */
  byId: publicProcedure
    .input(tweetIdInput)
    .query(async ({ ctx, input }) => tweet(await getTweet(ctx.em, input.tweetId), ctx.media)),

  /** One author's tweets only, newest first. */
  byAuthor: userTweetsQuery(false),
} satisfies TRPCRouterRecord;
