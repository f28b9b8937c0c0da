import type { TRPCRouterRecord } from '@trpc/server';
import { loginInput, signUpInput } from '../schemas.ts';
import { login, signUp } from '../services/auth.ts';
import { publicUser } from '../shape.ts';
import { publicProcedure } from '../trpc.ts';

export const authRouter = {
  signUp: publicProcedure
    .input(signUpInput)
    .mutation(async ({ ctx, input }) => publicUser(await signUp(ctx.em, ctx.auth, input), ctx.media)),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const session = await login(ctx.em, ctx.auth, input);
    return { ...session, user: publicUser(session.user, ctx.media) };
  }),
} satisfies TRPCRouterRecord;
