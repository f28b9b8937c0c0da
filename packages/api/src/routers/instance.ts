import type { TRPCRouterRecord } from '@trpc/server';
import { instanceStats } from '../services/users.ts';
import { publicProcedure } from '../trpc.ts';

export const instanceRouter = {
  /** How many accounts and tweets the server holds, counted at most every few minutes. */
  stats: publicProcedure.query(({ ctx }) => instanceStats(ctx.em)),
} satisfies TRPCRouterRecord;
