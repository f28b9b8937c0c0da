/**
 * What Mastodon's apps ask for at start-up and Miniter does not have (lists, filters, notifications,
 * …): an empty answer, not a 404 that would stop them. Those that are a user's own need a token with
 * Mastodon's scope for them (`auth.granted`), as in Mastodon.
 */
import type { RequiredScope } from '@miniter/api';
import { z } from 'zod';
import { route } from '../calls.ts';

const nothing = z.array(z.unknown()).max(0).meta({ id: 'Empty', description: 'Always empty here' });
const noMarkers = z.object({}).meta({ id: 'NoMarkers', description: 'No saved positions: Miniter keeps none' });

/** Path, what it lists, and the scope it needs (none: public). */
const empty: [path: string, what: string, scope: RequiredScope | null][] = [
  ['/api/v1/lists', 'Your lists', 'read:lists'],
  ['/api/v1/filters', 'Your filters (v1)', 'read:filters'],
  ['/api/v2/filters', 'Your filters', 'read:filters'],
  ['/api/v1/announcements', "The server's announcements", 'profile'],
  ['/api/v1/follow_requests', 'Follow requests to you', 'read:follows'],
  ['/api/v1/notifications', 'Your notifications', 'read:notifications'],
  ['/api/v1/bookmarks', 'Your bookmarks', 'read:bookmarks'],
  ['/api/v1/blocks', 'Accounts you block', 'read:blocks'],
  ['/api/v1/mutes', 'Accounts you mute', 'read:mutes'],
  ['/api/v1/domain_blocks', 'Domains you block', 'read:blocks'],
  ['/api/v1/conversations', 'Your direct conversations', 'read:statuses'],
  ['/api/v1/followed_tags', 'Hashtags you follow', 'read:follows'],
  ['/api/v1/scheduled_statuses', 'Your scheduled statuses', 'read:statuses'],
  ['/api/v1/custom_emojis', "The server's custom emoji", null],
  ['/api/v1/trends', 'Trending hashtags (older path)', null],
  ['/api/v1/trends/tags', 'Trending hashtags', null],
  ['/api/v1/trends/statuses', 'Trending statuses', null],
  ['/api/v1/trends/links', 'Trending links', null],
  ['/api/v1/instance/rules', "The server's rules", null],
  ['/api/v1/instance/peers', 'Servers this one knows', null],
];

/** A route that checks the token's scope, if it needs one, and answers `answer`. */
const constant = <A extends z.ZodType>(
  path: string,
  summary: string,
  scope: RequiredScope | null,
  answer: A,
  value: z.infer<A>,
) =>
  route({
    method: 'get',
    path,
    summary,
    tag: 'empty',
    ...(scope ? { scope } : {}),
    answer,
    handle: async ({ caller }) => {
      if (scope) await caller.auth.granted({ scope });
      return value;
    },
  });

export const emptyRoutes = [
  ...empty.map(([path, what, scope]) => constant(path, `${what}: none`, scope, nothing, [])),
  constant('/api/v1/markers', 'Your saved positions in timelines: none', 'read:statuses', noMarkers, {}),
];
