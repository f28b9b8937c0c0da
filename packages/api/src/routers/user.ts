import type { TRPCRouterRecord } from '@trpc/server';
import { userIdInput } from '../schemas.ts';
import { getUserWithCounts } from '../services/users.ts';
import { publicUser } from '../shape.ts';
import { protectedProcedure, publicProcedure } from '../trpc.ts';

export const userRouter = {
  me: protectedProcedure.query(({ ctx }) => ({ ...publicUser(ctx.user), email: ctx.user.email })),

  byId: publicProcedure.input(userIdInput).query(async ({ ctx, input }) => {
    const { user, ...counts } = await getUserWithCounts(ctx.em, input.userId);
    return { ...publicUser(user), ...counts };
  }),
} satisfies TRPCRouterRecord;
