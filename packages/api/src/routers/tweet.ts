import type { TRPCRouterRecord } from '@trpc/server';
import { tweetIdInput, tweetInput } from '../schemas.ts';
import { createTweet, deleteTweet } from '../services/tweets.ts';
import { tweet } from '../shape.ts';
import { protectedProcedure } from '../trpc.ts';
import { userTweetsQuery } from './timeline.ts';

export const tweetRouter = {
  create: protectedProcedure.input(tweetInput).mutation(async ({ ctx, input }) => {
    const created = await createTweet(ctx.em, ctx.user, input.text);
    ctx.live?.written();
    return tweet(created, ctx.media);
  }),

  delete: protectedProcedure.input(tweetIdInput).mutation(async ({ ctx, input }) => {
    await deleteTweet(ctx.em, ctx.user, input.tweetId);
    ctx.live?.written();
    return { id: input.tweetId };
  }),

  /** One author's tweets only, newest first. */
  byAuthor: userTweetsQuery(false),
} satisfies TRPCRouterRecord;
