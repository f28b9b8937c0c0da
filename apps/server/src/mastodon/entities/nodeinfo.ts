/**
 * NodeInfo 2.0 (nodeinfo.diaspora.software), which tools and clients read to learn what software a
 * server runs: megalodon's `detector` takes a server whose upstream is Mastodon for a Mastodon one.
 */
import { z } from 'zod';
import { compatibleVersion } from './instance.ts';

const nodeinfoSchemaUrl = 'http://nodeinfo.diaspora.software/ns/schema/2.0';

export const nodeinfoLinksSchema = z
  .object({ links: z.array(z.object({ rel: z.literal(nodeinfoSchemaUrl), href: z.url() })) })
  .meta({ id: 'NodeInfoLinks', description: 'Where the NodeInfo documents are' });

export const nodeinfoSchema = z
  .object({
    version: z.literal('2.0'),
    software: z.object({ name: z.literal('miniter'), version: z.string() }),
    protocols: z.array(z.string()).max(0).meta({ description: 'None: Miniter does not federate' }),
    services: z.object({ inbound: z.array(z.string()).max(0), outbound: z.array(z.string()).max(0) }),
    openRegistrations: z.boolean(),
    usage: z.object({
      users: z.object({ total: z.int().nonnegative() }),
      localPosts: z.int().nonnegative(),
    }),
    metadata: z.object({
      upstream: z
        .object({ name: z.literal('mastodon'), version: z.string() })
        .meta({ description: 'The API this server follows' }),
    }),
  })
  .meta({ id: 'NodeInfo' });

export const nodeinfoLinks = (origin: string): z.infer<typeof nodeinfoLinksSchema> => ({
  links: [{ rel: nodeinfoSchemaUrl, href: `${origin}/nodeinfo/2.0` }],
});

export const toNodeinfo = (stats: { users: number; tweets: number }): z.infer<typeof nodeinfoSchema> => ({
  version: '2.0',
  software: { name: 'miniter', version: '0.0.0' },
  protocols: [],
  services: { inbound: [], outbound: [] },
  openRegistrations: true,
  usage: { users: { total: stats.users }, localPosts: stats.tweets },
  metadata: { upstream: { name: 'mastodon', version: compatibleVersion } },
});
