import type { FollowCursor } from '@miniter/db';
import type { TRPCRouterRecord } from '@trpc/server';
import type { z } from 'zod';
import { followListInput, userIdInput, userIdsInput } from '../schemas.ts';
import { follow, relationship, relationships, unfollow } from '../services/follows.ts';
import { type FollowListPageParams, followList } from '../services/timelines.ts';
import { followPage } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

/** The older of two positions in a list. */
const older = (a: FollowCursor, b: FollowCursor) => ((a[0] - b[0] || a[1] - b[1]) < 0 ? a : b);

/**
 * A follow list input's page, as a timeline's: below both the cursor and `maxId`; above `minId`
 * (oldest first) or `sinceId`, `minId` winning.
 */
function pageOf(input: z.output<typeof followListInput>): FollowListPageParams {
  const { cursor, maxId } = input;
  return {
    after: cursor && maxId ? older(cursor, maxId) : (cursor ?? maxId),
    since: input.minId ?? input.sinceId,
    oldestFirst: input.minId !== undefined,
    limit: input.limit,
  };
}

const listOf = (direction: 'followers' | 'following') =>
  publicProcedure
    .input(followListInput)
    .query(async ({ ctx, input }) =>
      followPage(await followList(ctx.em, input.userId, direction, pageOf(input)), ctx.media),
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
  /**
   * Whether you follow each of a list of users, and they you, in its order: a people list's buttons
   * in one call.
   */
  relationships: protectedProcedure
    .meta({ scope: 'read:follows' })
    .input(userIdsInput)
    .query(({ ctx, input }) => relationships(ctx.em, ctx.user, input.userIds)),
  followers: listOf('followers'),
  following: listOf('following'),
} satisfies TRPCRouterRecord;
