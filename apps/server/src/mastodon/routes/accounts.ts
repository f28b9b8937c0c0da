/** Accounts: the signed-in one, by handle, by id. */
import type { Router } from 'express';
import type { Calls } from '../calls.ts';
import { accountOf, credentialAccountOf } from '../entities/account.ts';
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

export function accountRoutes(router: Router, call: Calls) {
  router.get(
    '/api/v1/accounts/verify_credentials',
    ...call(async ({ caller, origin }) => credentialAccountOf(caller, origin, await caller.user.me())),
  );

  router.get(
    '/api/v1/accounts/lookup',
    ...call(
      async ({ caller, origin, params, req }) =>
        accountOf(caller, origin, await caller.user.byUsername({ username: usernameOf(params.acct, req.host) })),
      { names: { username: 'acct' } },
    ),
  );

  router.get(
    '/api/v1/accounts/:id',
    ...call(async ({ caller, origin, params }) =>
      accountOf(caller, origin, await caller.user.byId({ userId: idOf(params.id) })),
    ),
  );
}
