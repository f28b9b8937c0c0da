/**
 * Follow suggestions (`user.suggestions`: whom the people you follow follow most, then the most
 * followed), as Mastodon's v2 Suggestions and v1's plain Accounts. Elk and Phanpy show them when a
 * timeline is empty, which on a new server is at once.
 */
import { z } from 'zod';
import { type Call, route } from '../calls.ts';
import { type Account, accountSchema, loadAccounts } from '../entities/account.ts';
import { limitOf, limitParam } from '../params.ts';

/** Mastodon's default of 40, within what one `user.suggestions` call answers. */
const suggestionLimits = { byDefault: 40, max: 50 };

const params = z.object({ limit: limitParam(suggestionLimits) });

async function suggestedAccounts({ caller, origin, params }: Call<{ limit?: unknown }>): Promise<Account[]> {
  const people = await caller.user.suggestions({ limit: limitOf(params.limit, suggestionLimits) });
  const accounts = await loadAccounts(
    caller,
    origin,
    people.map((person) => person.id),
  );
  return people.flatMap((person) => accounts.get(person.id) ?? []);
}

const suggestionSchema = z
  .object({
    source: z.literal('global').meta({ description: 'Deprecated by Mastodon; always `global` here' }),
    sources: z
      .array(z.literal('friends_of_friends'))
      .meta({ description: 'Why: followed by those you follow, or else by many' }),
    account: accountSchema,
  })
  .meta({ id: 'Suggestion' });

export const suggestionRoutes = [
  route({
    method: 'get',
    path: '/api/v2/suggestions',
    summary: 'People you might follow, with why',
    tag: 'accounts',
    scope: 'read:accounts',
    params,
    answer: z.array(suggestionSchema),
    handle: async (c) =>
      (await suggestedAccounts(c)).map((account) => ({
        source: 'global' as const,
        sources: ['friends_of_friends' as const],
        account,
      })),
  }),

  route({
    method: 'get',
    path: '/api/v1/suggestions',
    summary: 'People you might follow (the older form: Accounts alone)',
    tag: 'accounts',
    scope: 'read:accounts',
    params,
    answer: z.array(accountSchema),
    handle: suggestedAccounts,
  }),
];
