import type { TRPCRouterRecord } from '@trpc/server';
import { tweetIdInput, tweetInput, userTimelinePageInput } from '../schemas.ts';
import { userTimeline } from '../services/timelines.ts';
import { createTweet, deleteTweet } from '../services/tweets.ts';
import { tweet, tweetPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const tweetRouter = {
  create: protectedProcedure
    .input(tweetInput)
    .mutation(async ({ ctx, input }) => tweet(await createTweet(ctx.em, ctx.user, input.text), ctx.media)),

  delete: protectedProcedure.input(tweetIdInput).mutation(async ({ ctx, input }) => {
    await deleteTweet(ctx.em, ctx.user, input.tweetId);
    return { id: input.tweetId };
  }),

  /** One author's tweets only, newest first. */
  byAuthor: publicProcedure
    .input(userTimelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(
        await userTimeline(ctx.em, input.userId, false, { after: input.cursor?.[0], limit: input.limit }),
        ctx.media,
      ),
    ),
} satisfies TRPCRouterRecord;
