import type { TRPCRouterRecord } from '@trpc/server';
import { followListInput, userIdInput } from '../schemas.ts';
import { follow, unfollow } from '../services/follows.ts';
import { followList } from '../services/timelines.ts';
import { userPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

const listOf = (direction: 'followers' | 'following') =>
  publicProcedure
    .input(followListInput)
    .query(async ({ ctx, input }) =>
      userPage(
        await followList(ctx.em, input.userId, direction, { after: input.cursor, limit: input.limit }),
        ctx.media,
      ),
    );

export const followRouter = {
  follow: protectedProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    const result = await follow(ctx.em, ctx.user, input.userId);
    ctx.live?.written();
    return result;
  }),
  unfollow: protectedProcedure.input(userIdInput).mutation(async ({ ctx, input }) => {
    const result = await unfollow(ctx.em, ctx.user, input.userId);
    ctx.live?.written();
    return result;
  }),
  followers: listOf('followers'),
  following: listOf('following'),
} satisfies TRPCRouterRecord;
