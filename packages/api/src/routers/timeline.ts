import type { TRPCRouterRecord } from '@trpc/server';
import { timelinePageInput, userTimelinePageInput } from '../schemas.ts';
import { homeTimeline, userTimeline } from '../services/timelines.ts';
import { tweetPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

/** Any user's tweets, newest first; with `includeFollowed`, also those of the users they follow. */
export const userTweetsQuery = (includeFollowed: boolean) =>
  publicProcedure
    .input(userTimelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(
        await userTimeline(ctx.em, input.userId, includeFollowed, { after: input.cursor?.[0], limit: input.limit }),
        ctx.media,
      ),
    );

export const timelineRouter = {
  /** Your tweets and those of everyone you follow, newest first. */
  home: protectedProcedure
    .input(timelinePageInput)
    .query(async ({ ctx, input }) =>
      tweetPage(await homeTimeline(ctx.em, ctx.user, { after: input.cursor?.[0], limit: input.limit }), ctx.media),
    ),

  /** The book's `/timeline/<user_id>`: that user's tweets and those of the users they follow. */
  user: userTweetsQuery(true),
} satisfies TRPCRouterRecord;
