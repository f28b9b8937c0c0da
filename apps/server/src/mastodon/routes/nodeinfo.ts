/**
 * NodeInfo 2.0 (nodeinfo.diaspora.software), which tools and clients read to learn what software a
 * server runs: megalodon's `detector` takes a server whose upstream is Mastodon for a Mastodon one.
 */
import type { Router } from 'express';
import type { Calls } from '../calls.ts';
import { compatibleVersion } from '../entities/instance.ts';

const schema = 'http://nodeinfo.diaspora.software/ns/schema/2.0';

export function nodeinfoRoutes(router: Router, call: Calls) {
  router.get(
    '/.well-known/nodeinfo',
    ...call(async ({ origin }) => ({ links: [{ rel: schema, href: `${origin}/nodeinfo/2.0` }] })),
  );
  router.get(
    '/nodeinfo/2.0',
    ...call(async ({ caller }) => {
      const { users, tweets } = await caller.instance.stats();
      return {
        version: '2.0',
        software: { name: 'miniter', version: '0.0.0' },
        protocols: [],
        services: { inbound: [], outbound: [] },
        openRegistrations: true,
        usage: { users: { total: users }, localPosts: tweets },
        metadata: { upstream: { name: 'mastodon', version: compatibleVersion } },
      };
    }),
  );
}
