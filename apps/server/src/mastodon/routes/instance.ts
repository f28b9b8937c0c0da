/** The instance, v2 and v1, and NodeInfo. */
import { type Call, route } from '../calls.ts';
import { type Account, toAccount } from '../entities/account.ts';
import {
  type InstanceFacts,
  instanceV1,
  instanceV1Schema,
  instanceV2,
  instanceV2Schema,
} from '../entities/instance.ts';
import { nodeinfoLinks, nodeinfoLinksSchema, nodeinfoSchema, toNodeinfo } from '../entities/nodeinfo.ts';

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
  return found ? toAccount(found.value, origin) : null;
}

/** What both shapes of the instance are made from. */
async function facts(c: Call): Promise<InstanceFacts> {
  const [contact, stats] = await Promise.all([contactAccount(c), c.caller.instance.stats()]);
  return { origin: c.origin, host: c.req.host, contact, stats };
}

export const instanceRoutes = [
  route({
    method: 'get',
    path: '/api/v2/instance',
    summary: 'The server: its limits, streaming address and contact',
    tag: 'instance',
    answer: instanceV2Schema,
    handle: async (c) => instanceV2(await facts(c)),
  }),
  route({
    method: 'get',
    path: '/api/v1/instance',
    summary: 'The server, in the older shape (with counts)',
    tag: 'instance',
    answer: instanceV1Schema,
    handle: async (c) => instanceV1(await facts(c)),
  }),
  route({
    method: 'get',
    path: '/.well-known/nodeinfo',
    summary: 'Where the NodeInfo document is',
    tag: 'instance',
    answer: nodeinfoLinksSchema,
    handle: async ({ origin }) => nodeinfoLinks(origin),
  }),
  route({
    method: 'get',
    path: '/nodeinfo/2.0',
    summary: 'NodeInfo 2.0: the software (upstream: Mastodon) and its counts',
    tag: 'instance',
    answer: nodeinfoSchema,
    handle: async ({ caller }) => toNodeinfo(await caller.instance.stats()),
  }),
];
