/** Accounts: the signed-in one, by handle, by id; and WebFinger's look-up of a local account. */
import { schemas } from '@miniter/api';
import { z } from 'zod';
import { route } from '../calls.ts';
import { accountSchema, credentialAccountOf, credentialAccountSchema, toAccount } from '../entities/account.ts';
import { preferences, preferencesSchema } from '../entities/preferences.ts';
import { hostMeta, toWebfinger, webfingerSchema } from '../entities/webfinger.ts';
import { idOf, recordNotFound } from '../params.ts';

/**
 * A handle from Mastodon's `acct`: `name`, or `name@domain` for this server's own domain (with or
 * without its port); null for any other domain, an account this server does not have.
 */
export function localUsername(acct: string, host: string): string | null {
  const [username, domain, ...rest] = acct.replace(/^@/, '').split('@');
  if (rest.length || (domain !== undefined && domain !== host && domain !== host.replace(/:\d+$/, ''))) return null;
  return username ?? '';
}

function usernameOf(acct: unknown, host: string): string {
  if (typeof acct !== 'string') return '';
  const username = localUsername(acct, host);
  if (username === null) throw recordNotFound();
  return username;
}

export const accountRoutes = [
  route({
    method: 'get',
    path: '/api/v1/accounts/verify_credentials',
    summary: 'Your own account, with the source of its profile',
    tag: 'accounts',
    scope: 'profile',
    answer: credentialAccountSchema,
    handle: async ({ caller, origin }) => credentialAccountOf(caller, origin, await caller.user.me()),
  }),

  route({
    method: 'get',
    path: '/api/v1/preferences',
    summary: "Your posting and reading defaults: Mastodon's, as Miniter has none to choose",
    tag: 'accounts',
    scope: 'read:accounts',
    answer: preferencesSchema,
    handle: async ({ caller }) => {
      await caller.auth.granted({ scope: 'read:accounts' });
      return preferences;
    },
  }),

  route({
    method: 'get',
    path: '/api/v1/accounts/lookup',
    summary: 'An account by its handle',
    tag: 'accounts',
    params: z.object({
      acct: z.string().meta({ description: '`handle`, or `handle@host` for this server', example: 'song' }),
    }),
    answer: accountSchema,
    statuses: [404],
    names: { username: 'acct' },
    handle: async ({ caller, origin, params, req }) =>
      toAccount(await caller.user.byUsername({ username: usernameOf(params.acct, req.host) }), origin),
  }),

  route({
    method: 'get',
    path: '/api/v1/accounts/:id',
    summary: 'An account',
    tag: 'accounts',
    answer: accountSchema,
    handle: async ({ caller, origin, params }) =>
      toAccount(await caller.user.byId({ userId: idOf(params.id) }), origin),
  }),

  route({
    method: 'get',
    path: '/.well-known/webfinger',
    summary: 'A local account by `acct:handle@host` (WebFinger): its profile page',
    tag: 'instance',
    params: z.object({
      resource: z.string().meta({ description: '`acct:handle@host`', example: 'acct:song@miniter.example' }),
    }),
    answer: webfingerSchema,
    media: 'application/jrd+json',
    statuses: [404],
    handle: async ({ caller, origin, params, req }) => {
      const username = usernameOf(
        typeof params.resource === 'string' ? params.resource.replace(/^acct:/i, '') : '',
        req.host,
      );
      // What cannot be a handle names nobody here, as any other resource.
      if (!schemas.usernameInput.safeParse({ username }).success) throw recordNotFound();
      const account = await caller.user.byUsername({ username });
      return toWebfinger(account.username, req.host, origin);
    },
  }),

  route({
    method: 'get',
    path: '/.well-known/host-meta',
    summary: 'Where WebFinger is (an XRD document)',
    tag: 'instance',
    answer: z.string().meta({ description: 'XRD whose `lrdd` link is /.well-known/webfinger?resource={uri}' }),
    media: 'application/xrd+xml',
    handle: async ({ origin }) => hostMeta(origin),
  }),
];
