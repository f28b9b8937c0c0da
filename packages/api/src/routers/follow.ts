import type { TRPCRouterRecord } from '@trpc/server';
import { followListInput, userIdInput, userIdsInput } from '../schemas.ts';
import { follow, relationship, relationships, unfollow } from '../services/follows.ts';
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

/** Follows or unfollows (idempotent, so safe to repeat); the live timeline hears of the change. */
const relationshipChange = (change: typeof follow) =>
  protectedProcedure
    .meta({ retrySafe: 'repeat', scope: 'write:follows' })
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => {
      const result = await change(ctx.em, ctx.user, input.userId);
      ctx.live?.written();
      return result;
    });

export const followRouter = {
  follow: relationshipChange(follow),
  unfollow: relationshipChange(unfollow),
  /** Whether you follow a user: what a profile's follow button starts from. */
  relationship: protectedProcedure
    .meta({ scope: 'read:follows' })
    .input(userIdInput)
    .query(({ ctx, input }) => relationship(ctx.em, ctx.user, input.userId)),
  /** Whether you follow each of a list of users, in its order: a people list's buttons in one call. */
  relationships: protectedProcedure
    .meta({ scope: 'read:follows' })
    .input(userIdsInput)
    .query(({ ctx, input }) => relationships(ctx.em, ctx.user, input.userIds)),
  followers: listOf('followers'),
  following: listOf('following'),
} satisfies TRPCRouterRecord;
