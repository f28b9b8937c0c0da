import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { id } from '../schemas.ts';
import { ServiceError } from '../services/errors.ts';
import {
  authenticateClient,
  authorizedApplications,
  checkAuthorizationRequest,
  issueAuthorizationCode,
  registerApplication,
  revokeAccessToken,
  revokeApplication,
} from '../services/oauth.ts';
import { text } from '../text-fields.ts';
import { protectedProcedure, publicProcedure, settleSessions } from '../trpc.ts';

/** Ids, secrets, URIs and scopes: one line of visible text, as a name is. */
const line = (field: string, max: number, min = 1) => text(field, 'name', min, max);

const website = line('Website', 2000, 0).refine((s) => s === '' || (/^https?:\/\//i.test(s) && URL.canParse(s)), {
  message: 'Website must be an http(s) URL',
  params: { code: 'invalid_url' },
  // One refusal at a time: text that broke a rule above is not also called a bad URL.
  when: (payload) => !payload.issues.length,
});

const authorizationInput = z.object({
  clientId: line('Client id', 64),
  redirectUri: line('Redirect URI', 2000),
  scope: line('Scope', 1000, 0).optional(),
  state: line('State', 2000, 0).optional(),
});

/**
 * OAuth 2 for other applications (Mastodon's apps among them: `apps/server/src/mastodon/oauth.ts`
 * serves these at Mastodon's paths; the token endpoint itself is there, on the same services).
 */
export const oauthRouter = {
  /** Registers an application; its secret is in this answer only. */
  registerApp: publicProcedure
    .input(
      z.object({
        name: text('Application name', 'name', 1, 255),
        redirectUris: z.array(line('Redirect URI', 2000)).min(1).max(20),
        scopes: line('Scopes', 1000, 0).optional(),
        website: website.nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { application, clientSecret } = await registerApplication(ctx.em, input);
      const { clientSecretHash: _hash, createdAt, ...shown } = application;
      return { ...shown, createdAt: createdAt.toISOString(), clientSecret };
    }),

  /** What an authorization request asks, for the page where a person decides; refused if malformed. */
  client: publicProcedure.input(authorizationInput).query(async ({ ctx, input }) => {
    const { application, scopes, denyTo } = await checkAuthorizationRequest(ctx.em, input);
    return { name: application.name, website: application.website, scopes, denyTo };
  }),

  /** The signed-in person authorizes the application: the code, and where to send them with it. */
  authorize: protectedProcedure
    .input(
      authorizationInput.extend({
        codeChallenge: line('Code challenge', 128).optional(),
        codeChallengeMethod: line('Code challenge method', 16).optional(),
      }),
    )
    .mutation(({ ctx, input }) => issueAuthorizationCode(ctx.em, ctx.user.id, input)),

  /** Ends an access token the application holds (RFC 7009: the same answer whether it existed). */
  revoke: publicProcedure
    .input(
      z.object({
        clientId: line('Client id', 64),
        clientSecret: line('Client secret', 200),
        token: line('Token', 200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const application = await authenticateClient(ctx.em, input.clientId, input.clientSecret);
      if (!application) throw new ServiceError('FORBIDDEN', 'You are not authorized to revoke this token');
      if (await revokeAccessToken(ctx.em, application, input.token)) await settleSessions(ctx);
      return {};
    }),

  /** The applications you have authorized, with their scopes and last use. */
  authorizedApps: protectedProcedure.query(async ({ ctx }) =>
    (await authorizedApplications(ctx.em, ctx.user.id)).map(({ authorizedAt, lastUsedAt, ...app }) => ({
      ...app,
      authorizedAt: authorizedAt.toISOString(),
      lastUsedAt: lastUsedAt?.toISOString() ?? null,
    })),
  ),

  /** Ends every token you gave an application. */
  revokeApp: protectedProcedure
    .meta({ changesSession: true })
    .input(z.object({ appId: id }))
    .mutation(async ({ ctx, input }) => {
      await revokeApplication(ctx.em, ctx.user.id, input.appId);
      return { revoked: true as const };
    }),
} satisfies TRPCRouterRecord;
