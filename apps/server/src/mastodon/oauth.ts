/**
 * OAuth 2 at Mastodon's paths (docs: spec/oauth.md, methods/apps.md, methods/oauth.md): applications
 * register at `POST /api/v1/apps`, a person authorizes one on the web app's page at
 * `/oauth/authorize` (apps/web), and `POST /oauth/token` turns the code into a token. The token
 * endpoint is @node-oauth/oauth2-server's, over Miniter's services: it checks the grant (the code's
 * client, redirect URI, expiry and PKCE verifier, the code used up first) and answers errors as
 * RFC 6749 words them.
 */
import { scopes, oauth as services } from '@miniter/api';
import { type Orm, sqlEm } from '@miniter/db';
import OAuth2Server from '@node-oauth/oauth2-server';
import { TRPCError } from '@trpc/server';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { answered, route } from './calls.ts';
import {
  applicationSchema,
  credentialApplicationSchema,
  toApplication,
  tokenSchema,
  toToken,
} from './entities/application.ts';
import type { errorSchema } from './errors.ts';

/** `redirect_uris` as clients send it: one string (several separated by whitespace) or a list. */
const listOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** The library's model: what it asks of clients, codes and tokens, answered by Miniter's services. */
function tokenModel(orm: Orm) {
  const em = () => sqlEm(orm).fork();
  return {
    async getClient(clientId: string, clientSecret: string) {
      const application = await services.authenticateClient(em(), clientId, clientSecret);
      if (!application) return null;
      const grants = ['authorization_code', 'client_credentials'];
      return { id: String(application.id), grants, redirectUris: application.redirectUris, application };
    },
    async getAuthorizationCode(code: string) {
      const grant = await services.findCode(em(), code);
      if (!grant) return null;
      return {
        authorizationCode: code,
        expiresAt: grant.expiresAt,
        redirectUri: grant.redirectUri,
        scope: grant.scopes,
        client: { id: String(grant.applicationId), grants: [] },
        user: { id: grant.userId },
        ...(grant.codeChallenge ? { codeChallenge: grant.codeChallenge, codeChallengeMethod: 'S256' } : {}),
      };
    },
    revokeAuthorizationCode: (code: { authorizationCode: string }) =>
      services.useAuthorizationCode(em(), code.authorizationCode),
    // A client's own token acts for no user: `saveToken` stores it as the application's.
    getUserFromClient: async () => ({ id: null }),
    async validateScope(user: { id: number | null }, client: OAuth2Server.Client, scope?: string[]) {
      // A code's scopes were checked when it was issued.
      if (user.id !== null) return scope ?? null;
      try {
        return services.requestedScopes(client.application, scope?.join(' '));
      } catch {
        return null;
      }
    },
    // Tokens never expire and are never refreshed, as Mastodon's.
    generateRefreshToken: async () => null,
    async saveToken(token: OAuth2Server.Token, client: OAuth2Server.Client, user: { id: number | null }) {
      const scopes = token.scope ?? [];
      const accessToken = await services.issueAccessToken(em(), {
        applicationId: Number(client.id),
        userId: user.id,
        scopes,
      });
      return { accessToken, scope: scopes, client, user };
    },
    // The library's type asks for the resource-server half too, which Miniter does itself (`authenticate`).
    getAccessToken: async () => null,
    saveAuthorizationCode: async () => null,
  };
}

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

/** The library's server over `orm`'s services, made once per database. */
const servers = new WeakMap<Orm, OAuth2Server>();
function serverFor(orm: Orm): OAuth2Server {
  let server = servers.get(orm);
  if (!server) {
    server = new OAuth2Server({
      model: tokenModel(orm),
      // Required by the library; unused: tokens are sessions that never expire, and none is refreshed.
      accessTokenLifetime: 1,
      refreshTokenLifetime: 1,
      requireClientAuthentication: { authorization_code: true, client_credentials: true },
    });
    servers.set(orm, server);
  }
  return server;
}

/** The server's OAuth metadata (RFC 8414). */
const authorizationServerSchema = z
  .object({
    issuer: z.url(),
    service_documentation: z.url(),
    authorization_endpoint: z.url().meta({ description: "The web app's page where a person authorizes" }),
    token_endpoint: z.url(),
    revocation_endpoint: z.url(),
    app_registration_endpoint: z.url(),
    scopes_supported: z.array(z.string()),
    response_types_supported: z.array(z.literal('code')),
    grant_types_supported: z.array(z.enum(['authorization_code', 'client_credentials'])),
    code_challenge_methods_supported: z.array(z.literal('S256')),
    token_endpoint_auth_methods_supported: z.array(z.string()),
  })
  .meta({ id: 'AuthorizationServer' });

const authorizationServer = (origin: string): z.infer<typeof authorizationServerSchema> => ({
  issuer: `${origin}/`,
  service_documentation: 'https://docs.joinmastodon.org/',
  authorization_endpoint: `${origin}/oauth/authorize`,
  token_endpoint: `${origin}/oauth/token`,
  revocation_endpoint: `${origin}/oauth/revoke`,
  app_registration_endpoint: `${origin}/api/v1/apps`,
  scopes_supported: [...scopes],
  response_types_supported: ['code'],
  grant_types_supported: ['authorization_code', 'client_credentials'],
  code_challenge_methods_supported: ['S256'],
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
});

type OAuthError = z.infer<typeof errorSchema>;

const clientCredentials = {
  client_id: z.string().meta({ description: "The application's `client_id`" }),
  client_secret: z.string().meta({ description: "The application's `client_secret`" }),
};

export const oauthRoutes = [
  route({
    method: 'post',
    path: '/api/v1/apps',
    summary: 'Register an application: its client id and secret',
    tag: 'oauth',
    params: z.object({
      client_name: z.string().meta({ description: 'Shown to people who authorize it' }),
      redirect_uris: z.union([z.string(), z.array(z.string())]).meta({
        description:
          'Where codes go: one URI, several (a list, or separated by spaces), or `urn:ietf:wg:oauth:2.0:oob`',
      }),
      scopes: z.string().optional().meta({ description: 'What it may ask for, space-separated (default `read`)' }),
      website: z.url().optional(),
    }),
    answer: credentialApplicationSchema,
    names: { name: 'client_name', redirectUris: 'redirect_uris' },
    handle: async ({ caller, params }) => {
      const app = await caller.oauth.registerApp({
        name: params.client_name as string,
        redirectUris: listOf(params.redirect_uris),
        scopes: params.scopes as string | undefined,
        website: params.website as string | undefined,
      });
      const secret = { client_id: app.clientId, client_secret: app.clientSecret, client_secret_expires_at: 0 as const };
      return { ...toApplication(app), ...secret };
    },
  }),

  // The application behind the token: its own token's, or the one a person's token was granted to.
  route({
    method: 'get',
    path: '/api/v1/apps/verify_credentials',
    summary: "The application a token belongs to (an application's own, or one a person granted it)",
    tag: 'oauth',
    answer: applicationSchema,
    statuses: [401],
    handle: async ({ context, req }) => {
      const application = await services.applicationOfToken(sqlEm(context.orm).fork(), bearer(req));
      if (!application) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The access token is invalid' });
      return toApplication(application);
    },
  }),

  // Sign-up through an application, with its own token (`write:accounts`): the new account's token.
  route({
    method: 'post',
    path: '/api/v1/accounts',
    summary: "Sign up, with an application's own token (`client_credentials`, `write:accounts`)",
    description: "The new account's token, with the application's token's scopes.",
    tag: 'accounts',
    params: z.object({
      username: z.string().meta({ description: 'The @handle; also the name at first' }),
      email: z.email(),
      password: z.string(),
      agreement: z.boolean().optional().meta({ description: 'Taken and ignored: no terms to agree to' }),
      locale: z.string().optional().meta({ description: 'Taken and ignored' }),
      reason: z.string().optional().meta({ description: 'Taken and ignored: no approval needed' }),
    }),
    answer: tokenSchema,
    statuses: [401, 403],
    handle: async ({ caller, context, params, req }) => {
      const em = () => sqlEm(context.orm).fork();
      const grant = await services.appTokenGrant(em(), bearer(req));
      if (!grant) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The access token is invalid' });
      if (!services.allows(grant.scopes.join(' '), 'write:accounts')) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'This action is outside the authorized scopes' });
      }
      const username = params.username as string;
      const user = await caller.auth.signUp({
        name: username,
        username,
        email: params.email as string,
        password: params.password as string,
      });
      const grantedTo = { applicationId: grant.application.id, userId: user.id, scopes: grant.scopes };
      return toToken(await services.issueAccessToken(em(), grantedTo), grant.scopes);
    },
  }),

  route({
    method: 'post',
    path: '/oauth/token',
    summary: "A token: for an authorization code (with its PKCE verifier), or the application's own",
    description: "Form or JSON. Refusals are OAuth's (RFC 6749): `error` and `error_description`.",
    tag: 'oauth',
    params: z.object({
      grant_type: z.enum(['authorization_code', 'client_credentials']),
      ...clientCredentials,
      code: z.string().optional().meta({ description: 'authorization_code: the code' }),
      redirect_uri: z.string().optional().meta({ description: 'authorization_code: as it was authorized' }),
      code_verifier: z.string().optional().meta({ description: 'authorization_code: when a challenge was sent' }),
      scope: z.string().optional().meta({ description: "client_credentials: among the application's" }),
    }),
    answer: tokenSchema,
    statuses: [400, 401],
    handle: async ({ context, req, res, logger }) => {
      // The library reads forms only; Mastodon also takes JSON, whose body is already parsed.
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      headers['content-type'] = 'application/x-www-form-urlencoded';
      // Its parameters are text: anything else (a list, an object) is as good as missing.
      const body = Object.fromEntries(Object.entries(req.body ?? {}).filter((entry) => typeof entry[1] === 'string'));
      const request = new OAuth2Server.Request({ method: req.method, query: {}, body, headers });
      try {
        const token = await serverFor(context.orm).token(request, new OAuth2Server.Response());
        res.set('cache-control', 'no-store');
        return toToken(token.accessToken, token.scope ?? []);
      } catch (error) {
        sendOAuthError(res, error, logger);
        return answered;
      }
    },
  }),

  route({
    method: 'post',
    path: '/oauth/revoke',
    summary: 'End a token the application holds (the same answer whether it existed)',
    tag: 'oauth',
    params: z.object({ ...clientCredentials, token: z.string() }),
    answer: z.object({}).meta({ id: 'Revoked', description: 'Nothing more to say' }),
    statuses: [403],
    handle: async ({ caller, params, res }) => {
      try {
        return await caller.oauth.revoke({
          clientId: String(params.client_id ?? ''),
          clientSecret: String(params.client_secret ?? ''),
          token: String(params.token ?? ''),
        });
      } catch (error) {
        // A client that is not the token's, as Mastodon words it.
        if (!(error instanceof TRPCError && error.code === 'FORBIDDEN')) throw error;
        const refusal: OAuthError = { error: 'unauthorized_client', error_description: error.message };
        res.status(403).json(refusal);
        return answered;
      }
    },
  }),

  route({
    method: 'get',
    path: '/.well-known/oauth-authorization-server',
    summary: 'Where and how to get a token (RFC 8414)',
    tag: 'oauth',
    answer: authorizationServerSchema,
    handle: async ({ origin }) => authorizationServer(origin),
  }),
];

/**
 * An OAuth error as RFC 6749 words it, `{ error, error_description }`, at the library's status but
 * for a client that failed to authenticate: 401, as Mastodon answers it.
 */
function sendOAuthError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof OAuth2Server.OAuthError && error.code < 500) {
    const refusal: OAuthError = { error: error.name, error_description: error.message };
    res.status(error.name === 'invalid_client' ? 401 : error.code).json(refusal);
    return;
  }
  logger.error({ err: error }, 'oauth token request failed');
  const failure: OAuthError = { error: 'server_error', error_description: 'Internal server error' };
  res.status(500).json(failure);
}
