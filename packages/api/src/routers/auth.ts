import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { changePasswordInput, loginInput, passwordInput, signUpInput } from '../schemas.ts';
import { requiredScopes } from '../scopes.ts';
import { deleteAccount } from '../services/account.ts';
import { changePassword, issueStreamTicket, login, logout, logoutEverywhere, signUp } from '../services/auth.ts';
import { allows, outsideScopes } from '../services/oauth.ts';
import { publicUser } from '../shape.ts';
import { byClientIp, credentialsProcedure, protectedProcedure, rateLimit } from '../trpc.ts';

export const authRouter = {
  signUp: credentialsProcedure
    .use(rateLimit('signUpPerIp', byClientIp))
    .input(signUpInput)
    .mutation(async ({ ctx, input }) => publicUser(await signUp(ctx.em, ctx.auth, input), ctx.media)),

  login: credentialsProcedure
    .use(rateLimit('loginPerIp', byClientIp))
    .input(loginInput)
    .use(rateLimit('loginPerEmail', (_ctx, input: { email: string }) => input.email))
    .mutation(async ({ ctx, input }) => {
      const session = await login(ctx.em, ctx.auth, input);
      return { ...session, user: publicUser(session.user, ctx.media) };
    }),

  /**
   * A single-use ticket, good for a minute, that opens one `timeline.live` stream for this session
   * where the token cannot be sent as a header (a browser's EventSource): pass it as tRPC's
   * `connectionParams` `{ ticket }`.
   */
  streamTicket: protectedProcedure
    .meta({ scope: 'read:statuses' })
    .mutation(({ ctx }) => issueStreamTicket(ctx.em, ctx.sessionId)),

  /**
   * Refuses (FORBIDDEN) unless this token may do what needs `scope`: for an entry point that has
   * nothing else to call, such as Mastodon's lists and filters, which Miniter answers empty.
   */
  granted: protectedProcedure
    .meta({ scope: 'input' })
    .input(z.object({ scope: z.enum(requiredScopes) }))
    .query(({ ctx, input }) => {
      if (!allows(ctx.scopes, input.scope)) throw outsideScopes();
      return { scope: input.scope };
    }),

  /** Ends this token's session. */
  logout: protectedProcedure.meta({ changesSession: true }).mutation(async ({ ctx }) => {
    await logout(ctx.em, ctx.sessionId);
    return { loggedOut: true as const };
  }),

  /** Ends every session of the user, this one included. */
  logoutAll: protectedProcedure.meta({ changesSession: true }).mutation(async ({ ctx }) => {
    await logoutEverywhere(ctx.em, ctx.user);
    return { loggedOut: true as const };
  }),

  /** Ends every session and returns a fresh token for this client. */
  changePassword: protectedProcedure
    .meta({ changesSession: true })
    .input(changePasswordInput)
    .mutation(async ({ ctx, input }) => {
      const session = await changePassword(ctx.em, ctx.auth, ctx.user, input);
      return { ...session, user: publicUser(session.user, ctx.media) };
    }),

  deleteAccount: protectedProcedure
    .meta({ changesSession: true })
    .input(passwordInput)
    .mutation(async ({ ctx, input }) => {
      await deleteAccount(ctx.em, ctx.auth, ctx.media, ctx.user, input.password);
      return { deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
