/**
 * Mastodon's Application (what `POST /api/v1/apps` registers and `verify_credentials` shows) and
 * Token (what the token endpoint and a sign-up through an application answer), from the OAuth
 * services' records.
 */
import { z } from 'zod';
import { always, entityId } from './common.ts';

export const applicationSchema = z
  .object({
    id: entityId('The application id'),
    name: z.string(),
    website: z.url().nullable(),
    scopes: z.array(z.string()).meta({ description: 'What the application may ask for', example: ['read', 'write'] }),
    redirect_uri: z.string().meta({ description: 'The redirect URIs, one a line (deprecated: `redirect_uris`)' }),
    redirect_uris: z.array(z.string()),
    vapid_key: always('', 'no Web Push'),
  })
  .meta({ id: 'Application' });

export const credentialApplicationSchema = applicationSchema
  .extend({
    client_id: z.string(),
    client_secret: z.string().meta({ description: 'Shown this once' }),
    client_secret_expires_at: always(0, 'secrets do not expire'),
  })
  .meta({ id: 'CredentialApplication' });

export const tokenSchema = z
  .object({
    access_token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`; it does not expire' }),
    token_type: z.literal('Bearer'),
    scope: z.string().meta({ example: 'read write' }),
    created_at: z.int().meta({ description: 'When it was issued, in seconds since 1970' }),
  })
  .meta({ id: 'Token' });

type Application = z.infer<typeof applicationSchema>;
type Token = z.infer<typeof tokenSchema>;

export function toApplication(app: {
  id: number;
  name: string;
  website: string | null;
  scopes: string[];
  redirectUris: string[];
}): Application {
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

export const toToken = (accessToken: string, scopes: readonly string[]): Token => ({
  access_token: accessToken,
  token_type: 'Bearer',
  scope: scopes.join(' '),
  created_at: Math.floor(Date.now() / 1000),
});
