/**
 * Search: accounts by handle or name (`user.search`, which reads `@handle` as the handle), and
 * hashtags by their start (`timeline.hashtags`). Miniter has no full-text search of statuses, so
 * that list is empty; it does not federate, so `resolve` finds nothing more, and an address at
 * another server finds nobody.
 */
import type { RouterOutputs } from '@miniter/api';
import { hashtagKey, isHashtag } from '@miniter/api/tweet-text';
import { z } from 'zod';
import { numeric } from '../../rest/calls.ts';
import { type Call, route } from '../calls.ts';
import { type Account, accountSchema, loadAccounts } from '../entities/account.ts';
import { none } from '../entities/common.ts';
import { type Tag, tagSchema, toTag } from '../entities/tag.ts';
import { accountLimits, flagParam, isTrue, limitOf, limitParam, recordNotFound } from '../params.ts';
import { localUsername } from './accounts.ts';

type Person = RouterOutputs['user']['search']['items'][number];
type SearchCall = Call<{ q?: unknown }>;

/** `/api/v2/search`'s limits, per type: 20 by default and at most 40. */
const searchLimits = { byDefault: 20, max: 40 };
/** The most one `user.search` call answers (its schema's bound). */
const searchPageMax = 100;

/** The procedure's input names as Mastodon's parameters, for refusals. */
const searchNames = { query: 'q', limit: 'limit' };

/** What to look for in `q`: an address at this server is its handle; one elsewhere, nothing. */
function queryOf(q: unknown, host: string): string | null {
  if (typeof q !== 'string' || !q.trim()) return null;
  const text = q.trim();
  return /^@?[^@\s]+@[^@\s]+$/.test(text) ? localUsername(text, host) : text;
}

/** Mastodon's `offset`: results to skip, a whole number, else none. */
function offsetOf(value: unknown): number {
  const n = numeric(value);
  return typeof n === 'number' && n > 0 ? n : 0;
}

/** The people among `people` you follow (`following=true`). */
async function followedAmong({ caller }: SearchCall, people: Person[]): Promise<Person[]> {
  if (!people.length) return [];
  const relationships = await caller.follow.relationships({ userIds: people.map((p) => p.id) });
  const followed = new Set(relationships.filter((r) => r.following).map((r) => r.userId));
  return people.filter((p) => followed.has(p.id));
}

/**
 * The Accounts found, best match first: `user.search`'s pages read until `offset + limit` are found
 * (only those you follow, with `following`), then the first `offset` skipped.
 */
async function searchAccounts(
  call: SearchCall,
  { limit, offset, following }: { limit: number; offset: number; following: boolean },
): Promise<Account[]> {
  const query = queryOf(call.params.q, call.req.host);
  if (query === null) return [];
  const want = offset + limit;
  const found: Person[] = [];
  let cursor: string | undefined;
  do {
    // Following: a page's worth is read, as only some of it may be kept.
    const size = following ? searchPageMax : Math.min(searchPageMax, want - found.length);
    const page = await call.caller.user.search({ query, cursor, limit: size });
    found.push(...(following ? await followedAmong(call, page.items) : page.items));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < want);
  const ids = found.slice(offset, want).map((p) => p.id);
  const accounts = await loadAccounts(call.caller, call.origin, ids);
  return ids.flatMap((id) => accounts.get(id) ?? []);
}

/** The hashtags that start with `q` (`#` optional), in order: `offset` skipped, then up to `limit`. */
async function searchTags(call: SearchCall, { limit, offset }: { limit: number; offset: number }): Promise<Tag[]> {
  const q = typeof call.params.q === 'string' ? call.params.q.trim().replace(/^#/, '') : '';
  // Only what can start a hashtag is looked for: anything else (a handle, a phrase) finds none.
  if (!q || !isHashtag(`_${q}`)) return [];
  const { items } = await call.caller.timeline.hashtags({ query: q, limit: offset + limit });
  return items.slice(offset).map((name) => toTag(name, call.origin));
}

/** What both searches take. */
const searchParams = (limits: { byDefault: number; max: number }) =>
  z.object({
    q: z.string().meta({ description: 'A handle (`@` optional, `@handle@host` for this server) or a name' }),
    limit: limitParam(limits),
    offset: z.int().nonnegative().optional().meta({ description: 'Results to skip' }),
    following: flagParam('Only accounts you follow (needs a token with `read:follows`)'),
    resolve: flagParam('Taken and ignored: Miniter does not federate'),
  });

const searchSchema = z
  .object({
    accounts: z.array(accountSchema),
    statuses: none('no search of statuses'),
    hashtags: z.array(tagSchema).meta({ description: 'Hashtags that start with the query' }),
  })
  .meta({ id: 'Search' });

export const searchRoutes = [
  route({
    method: 'get',
    path: '/api/v1/tags/:id',
    summary: 'A hashtag',
    description: 'Any name that can be a hashtag, used yet or not (as on Mastodon); in lower case.',
    tag: 'search',
    answer: tagSchema,
    handle: async ({ origin, params }) => {
      const name = String(params.id).replace(/^#/, '');
      if (!isHashtag(name)) throw recordNotFound();
      return toTag(hashtagKey(name), origin);
    },
  }),

  route({
    method: 'get',
    path: '/api/v1/accounts/search',
    summary: 'Accounts by handle or name, best match first',
    tag: 'search',
    params: searchParams(accountLimits),
    answer: z.array(accountSchema),
    // `following=true` needs a token that reads follows.
    statuses: [401, 403],
    names: searchNames,
    handle: (c) =>
      searchAccounts(c, {
        limit: limitOf(c.params.limit, accountLimits),
        offset: offsetOf(c.params.offset),
        following: isTrue(c.params.following),
      }),
  }),

  route({
    method: 'get',
    path: '/api/v2/search',
    summary: 'Accounts by handle or name, and hashtags by their start (no statuses here)',
    tag: 'search',
    params: searchParams(searchLimits).extend({
      type: z
        .enum(['accounts', 'statuses', 'hashtags'])
        .optional()
        .meta({ description: 'One kind only (`offset` applies then)' }),
    }),
    answer: searchSchema,
    statuses: [401, 403],
    names: searchNames,
    handle: async (c) => {
      const { type } = c.params;
      const all = type === undefined || type === '';
      const limit = limitOf(c.params.limit, searchLimits);
      // As in Mastodon, `offset` only applies to a search of one type.
      const offset = type ? offsetOf(c.params.offset) : 0;
      const accounts =
        all || type === 'accounts'
          ? await searchAccounts(c, { limit, offset, following: isTrue(c.params.following) })
          : [];
      const hashtags = all || type === 'hashtags' ? await searchTags(c, { limit, offset }) : [];
      return { accounts, statuses: [], hashtags };
    },
  }),
];
