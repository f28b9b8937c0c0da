import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/**
 * An application registered for OAuth 2 (Mastodon's `POST /api/v1/apps`). Its secret is stored only
 * as a SHA-256; redirect URIs are one per line, scopes space-separated, as clients send them.
 */
export const OAuthApplicationSchema = defineEntity({
  name: 'OAuthApplication',
  tableName: 'oauth_applications',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(255),
    website: p.string().length(2000).nullable(),
    redirectUris: p.text().fieldName('redirect_uris'),
    scopes: p.string().length(1000),
    clientId: p.string().length(64).fieldName('client_id').unique('oauth_applications_client_id_unique'),
    clientSecretHash: p.string().length(64).fieldName('client_secret_hash'),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
});

export class OAuthApplication extends OAuthApplicationSchema.class {}
OAuthApplicationSchema.setClass(OAuthApplication);

/**
 * An authorization code, single-use and short-lived, bound to its application, user, redirect URI,
 * scopes and PKCE challenge. Only its SHA-256 is stored; exchanging it deletes it.
 */
export const OAuthAuthorizationCodeSchema = defineEntity({
  name: 'OAuthAuthorizationCode',
  tableName: 'oauth_authorization_codes',
  properties: {
    id: p.string().length(64).primary(),
    application: () => p.manyToOne(OAuthApplication).fieldName('application_id').deleteRule('cascade'),
    user: () => p.manyToOne(User).fieldName('user_id').deleteRule('cascade'),
    redirectUri: p.text().fieldName('redirect_uri'),
    scopes: p.string().length(1000),
    codeChallenge: p.string().length(128).fieldName('code_challenge').nullable(),
    expiresAt: p.datetime(3).fieldName('expires_at'),
  },
});

export class OAuthAuthorizationCode extends OAuthAuthorizationCodeSchema.class {}
OAuthAuthorizationCodeSchema.setClass(OAuthAuthorizationCode);

/**
 * An application's own token (the `client_credentials` grant): it acts for no user, so it may only
 * register an account and read the application. Stored as its hash, like a user's token (a session).
 */
export const OAuthAppTokenSchema = defineEntity({
  name: 'OAuthAppToken',
  tableName: 'oauth_app_tokens',
  properties: {
    id: p.string().length(64).primary(),
    application: () => p.manyToOne(OAuthApplication).fieldName('application_id').deleteRule('cascade'),
    scopes: p.string().length(1000),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
  },
});

export class OAuthAppToken extends OAuthAppTokenSchema.class {}
OAuthAppTokenSchema.setClass(OAuthAppToken);
