/**
 * WebFinger (RFC 7033) and host-meta (RFC 6415), as Mastodon serves them: `acct:handle@host` names
 * a local account, whose JRD links its profile page; host-meta points at the WebFinger endpoint.
 */
import { z } from 'zod';
import { escapeHtml } from '../html.ts';

export const webfingerSchema = z
  .object({
    subject: z.string().meta({ example: 'acct:song@miniter.example' }),
    aliases: z.array(z.url()),
    links: z.array(z.object({ rel: z.string(), type: z.string(), href: z.url() })),
  })
  .meta({ id: 'WebFinger', description: 'A JSON Resource Descriptor (RFC 7033)' });

export const toWebfinger = (username: string, host: string, origin: string): z.infer<typeof webfingerSchema> => {
  const profile = `${origin}/@${username}`;
  return {
    subject: `acct:${username}@${host}`,
    aliases: [profile],
    links: [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: profile }],
  };
};

/** An XRD document (RFC 6415) whose `lrdd` template is this server's WebFinger endpoint. */
export const hostMeta = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
  <Link rel="lrdd" template="${escapeHtml(origin)}/.well-known/webfinger?resource={uri}"/>
</XRD>
`;
