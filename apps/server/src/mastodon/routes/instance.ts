/** The instance, v2 and v1. */
import type { Router } from 'express';
import type { Call, Calls } from '../calls.ts';
import { type Account, accountOf } from '../entities/account.ts';
import { type InstanceFacts, instanceV1, instanceV2 } from '../entities/instance.ts';

/** How many of the first ids are tried for the contact account. */
const firstIds = 10;

/**
 * The contact account: the oldest account among the first few ids (on a new server, whoever set it
 * up), read as one statement; none when those are all gone.
 */
async function contactAccount({ caller, origin }: Call): Promise<Account | null> {
  const tried = await Promise.allSettled(
    Array.from({ length: firstIds }, (_, i) => caller.user.byId({ userId: i + 1 })),
  );
  const found = tried.find((result) => result.status === 'fulfilled');
  return found ? accountOf(caller, origin, found.value) : null;
}

/** What both shapes of the instance are made from. */
async function facts(c: Call): Promise<InstanceFacts> {
  const [contact, stats] = await Promise.all([contactAccount(c), c.caller.instance.stats()]);
  return { origin: c.origin, host: c.req.host, contact, stats };
}

export function instanceRoutes(router: Router, call: Calls) {
  router.get('/api/v2/instance', ...call(async (c) => instanceV2(await facts(c))));
  router.get('/api/v1/instance', ...call(async (c) => instanceV1(await facts(c))));
}
