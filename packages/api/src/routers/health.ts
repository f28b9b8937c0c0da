import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.ts';

export const healthRouter = {
  ping: publicProcedure.query(() => 'pong' as const),
} satisfies TRPCRouterRecord;
