import type { TRPCRouterRecord } from '@trpc/server';
import { timelinePageInput, userTimelinePageInput } from '../schemas.ts';
import { homeTimeline, userTimeline } from '../services/timelines.ts';
import { tweetPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const timelineRouter = {
  /** Your tweets and those of everyone you follow, newest first. */
  home: protectedProcedure
    .input(timelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(await homeTimeline(ctx.em, ctx.user, { after: input.cursor?.[0], limit: input.limit }), ctx.media),
    ),

  /** The book's `/timeline/<user_id>`: that user's tweets and those of the users they follow. */
  user: publicProcedure
    .input(userTimelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(
        await userTimeline(ctx.em, input.userId, true, { after: input.cursor?.[0], limit: input.limit }),
        ctx.media,
      ),
    ),
} satisfies TRPCRouterRecord;
