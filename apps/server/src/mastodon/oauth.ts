/**
 * OAuth 2 at Mastodon's paths (docs: spec/oauth.md, methods/apps.md, methods/oauth.md): applications
 * register at `POST /api/v1/apps`, a person authorizes one on the web app's page at
 * `/oauth/authorize` (apps/web), and `POST /oauth/token` turns the code into a token. The token
 * endpoint is @node-oauth/oauth2-server's, over Miniter's services: it checks the grant (the code's
 * client, redirect URI, expiry and PKCE verifier, the code used up first) and answers errors as
 * RFC 6749 words them.
 */
import { appRouter, createCallerFactory, scopes, oauth as services } from '@miniter/api';
import { type Orm, sqlEm } from '@miniter/db';
import OAuth2Server from '@node-oauth/oauth2-server';
import { TRPCError } from '@trpc/server';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { Logger } from 'pino';
import type { RestCallsOptions } from '../rest/calls.ts';
import { mastodonCalls } from './calls.ts';
import { mastodonErrors, sendMastodonError } from './errors.ts';
import { bodyParsers, originOf, paramsOf } from './params.ts';

const createCaller = createCallerFactory(appRouter);

export interface OAuthRoutesOptions {
  orm: Orm;
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
  admit: RequestHandler;
  maxBodySize: number;
}

/** Mastodon's Application entity. */
function applicationEntity(app: {
  id: number;
  name: string;
  website: string | null;
  scopes: string[];
  redirectUris: string[];
}) {
  return {
    id: String(app.id),
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uri: app.redirectUris.join('\n'),
    redirect_uris: app.redirectUris,
    // Web Push is not offered; clients read the key as text.
    vapid_key: '',
  };
}

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

/** Mastodon's Token entity: what the token endpoint and a sign-up through an application answer. */
const tokenEntity = (accessToken: string, scopes: readonly string[]) => ({
  access_token: accessToken,
  token_type: 'Bearer',
  scope: scopes.join(' '),
  created_at: Math.floor(Date.now() / 1000),
});

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

export function oauthRoutes(options: OAuthRoutesOptions): Router {
  const { orm, logger } = options;
  const router = Router();
  const call = mastodonCalls(options);
  const em = () => sqlEm(orm).fork();
  const server = new OAuth2Server({
    model: tokenModel(orm),
    // Required by the library; unused: tokens are sessions that never expire, and none is refreshed.
    accessTokenLifetime: 1,
    refreshTokenLifetime: 1,
    requireClientAuthentication: { authorization_code: true, client_credentials: true },
  });

  router.post(
    '/api/v1/apps',
    ...call(
      async ({ caller, params }) => {
        const app = await caller.oauth.registerApp({
          name: params.client_name as string,
          redirectUris: listOf(params.redirect_uris),
          scopes: params.scopes as string | undefined,
          website: params.website as string | undefined,
        });
        const secret = { client_id: app.clientId, client_secret: app.clientSecret, client_secret_expires_at: 0 };
        return { ...applicationEntity(app), ...secret };
      },
      { body: true, names: { name: 'client_name', redirectUris: 'redirect_uris' } },
    ),
  );

  // The application behind the token: its own token's, or the one a person's token was granted to.
  router.get(
    '/api/v1/apps/verify_credentials',
    ...call(async ({ req }) => {
      const application = await services.applicationOfToken(em(), bearer(req));
      if (!application) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The access token is invalid' });
      return applicationEntity(application);
    }),
  );

  // Sign-up through an application, with its own token (`write:accounts`): the new account's token.
  router.post(
    '/api/v1/accounts',
    ...call(
      async ({ caller, params, req }) => {
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
        return tokenEntity(await services.issueAccessToken(em(), grantedTo), grant.scopes);
      },
      { body: true },
    ),
  );

  router.post('/oauth/token', options.admit, ...bodyParsers(options.maxBodySize), async (req, res) => {
    // The library reads forms only; Mastodon also takes JSON, whose body is already parsed.
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    headers['content-type'] = 'application/x-www-form-urlencoded';
    // Its parameters are text: anything else (a list, an object) is as good as missing.
    const body = Object.fromEntries(Object.entries(req.body ?? {}).filter((entry) => typeof entry[1] === 'string'));
    const request = new OAuth2Server.Request({ method: req.method, query: {}, body, headers });
    try {
      const token = await server.token(request, new OAuth2Server.Response());
      res.set('cache-control', 'no-store').json(tokenEntity(token.accessToken, token.scope ?? []));
    } catch (error) {
      sendOAuthError(res, error, logger);
    }
  });

  router.post('/oauth/revoke', options.admit, ...bodyParsers(options.maxBodySize), async (req, res) => {
    const params = paramsOf(req);
    try {
      await createCaller(options.contextFor(req, res, undefined)).oauth.revoke({
        clientId: String(params.client_id ?? ''),
        clientSecret: String(params.client_secret ?? ''),
        token: String(params.token ?? ''),
      });
      res.json({});
    } catch (error) {
      // A client that is not the token's, as Mastodon words it.
      if (error instanceof TRPCError && error.code === 'FORBIDDEN') {
        res.status(403).json({ error: 'unauthorized_client', error_description: error.message });
      } else sendMastodonError(req, res, error, logger);
    }
  });

  router.get('/.well-known/oauth-authorization-server', (req, res) => {
    const origin = originOf(req);
    res.json({
      issuer: `${origin}/`,
      service_documentation: 'https://docs.joinmastodon.org/',
      authorization_endpoint: `${origin}/oauth/authorize`,
      token_endpoint: `${origin}/oauth/token`,
      revocation_endpoint: `${origin}/oauth/revoke`,
      app_registration_endpoint: `${origin}/api/v1/apps`,
      scopes_supported: scopes,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  });

  router.use(['/api/v1/apps', '/api/v1/accounts', '/oauth'], mastodonErrors(logger));
  return router;
}

/**
 * An OAuth error as RFC 6749 words it, `{ error, error_description }`, at the library's status but
 * for a client that failed to authenticate: 401, as Mastodon answers it.
 */
function sendOAuthError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof OAuth2Server.OAuthError && error.code < 500) {
    res
      .status(error.name === 'invalid_client' ? 401 : error.code)
      .json({ error: error.name, error_description: error.message });
    return;
  }
  logger.error({ err: error }, 'oauth token request failed');
  res.status(500).json({ error: 'server_error', error_description: 'Internal server error' });
}
