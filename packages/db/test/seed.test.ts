/**
 * The seeder writes handles and search terms as the app does: every handle valid, not reserved and
 * unique case-insensitively (its key is `usernameKey`), the known accounts' handles fixed, each
 * user's terms exactly `nameSearchTerms` of their name, each user's counts those of their rows; and
 * the same seed gives the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReservedUsername, nameSearchTerms, usernameKey, usernamePattern } from '../src/handles.ts';
import { sqlEm } from '../src/orm.ts';
import { generatePeople } from '../src/seed/generate.ts';
import { seedDatabase } from '../src/seed/load.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

const profile = { users: 2_000, tweets: 100, followsPerUser: 1 };

describe.each(testDialects())('the seeder on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDatabase(db.orm, { profile, seed: 7, bcryptCost: 4, reset: false });
  }, 120_000);
  afterAll(() => db?.close());

  const rows = async (sql: string) => (await sqlEm(db.orm).fork().execute(sql)) as Record<string, unknown>[];

  it('gives every user a valid, unreserved handle, unique case-insensitively, keyed by its lower case', async () => {
    const users = await rows('select id, username, username_key from users order by id');
    expect(users).toHaveLength(profile.users);
    for (const { username, username_key } of users) {
      expect(String(username)).toMatch(usernamePattern);
      expect(isReservedUsername(String(username))).toBe(false);
      expect(username_key).toBe(usernameKey(String(username)));
    }
    expect(new Set(users.map((u) => u.username_key)).size).toBe(profile.users);
    expect(users.slice(0, 5).map((u) => u.username)).toEqual(['heavy', 'quiet', 'quiet1', 'quiet2', 'quiet3']);
    // Handles people pick: mixed case and digits among them, Korean names romanized.
    const handles = users.map((u) => String(u.username));
    expect(handles.some((h) => /[A-Z]/.test(h))).toBe(true);
    expect(handles.some((h) => /\d/.test(h))).toBe(true);
    expect(handles.some((h) => /kim|lee|park/.test(h))).toBe(true);
  });

  it("stores each user's name search terms, no more and no fewer", async () => {
    const users = await rows('select id, name from users');
    const terms = await rows('select user_id, term from user_search_terms');
    const stored = new Map<number, string[]>();
    for (const { user_id, term } of terms)
      stored.set(Number(user_id), [...(stored.get(Number(user_id)) ?? []), String(term)]);
    for (const { id, name } of users) {
      expect((stored.get(Number(id)) ?? []).sort(), String(name)).toEqual(nameSearchTerms(String(name)).sort());
    }
    // Korean names among them, found by their initial consonants.
    expect(terms.some(({ term }) => /^[ㄱ-ㅎ]{2,}$/.test(String(term)))).toBe(true);
  });

  it("keeps each user's counts as the app's triggers do", async () => {
    const wrong = await rows(
      'select s.user_id from user_stats s where ' +
        's.follower_count <> (select count(*) from users_follow_list f where f.follow_user_id = s.user_id) or ' +
        's.following_count <> (select count(*) from users_follow_list f where f.user_id = s.user_id) or ' +
        's.tweet_count <> (select count(*) from tweets t where t.user_id = s.user_id)',
    );
    expect(wrong).toEqual([]);
    expect(await rows('select count(*) as n from user_stats')).toEqual([{ n: profile.users }]);
  });
});

it('makes the same people from the same seed, and others from another', () => {
  const a = generatePeople(profile, 7);
  expect(generatePeople(profile, 7)).toEqual(a);
  expect(generatePeople(profile, 8)).not.toEqual(a);
});
