/**
 * The seeder writes handles and search terms as the app does: every handle valid, not reserved and
 * unique case-insensitively (its key is `usernameKey`), the known accounts' handles fixed, each
 * user's terms exactly `nameSearchTerms` of their name, each user's counts those of their rows,
 * replies that answer an earlier tweet and name its author, each tweet's reply count that of its
 * replies; and the same seed gives the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReservedUsername, nameSearchTerms, usernameKey, usernamePattern } from '../src/handles.ts';
import { sqlEm } from '../src/orm.ts';
import { generateFollows, generatePeople, planTweets, quietAccount, replyShare } from '../src/seed/generate.ts';
import { seedDatabase } from '../src/seed/load.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

const profile = { users: 2_000, tweets: 3_000, followsPerUser: 1 };

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

  it('writes replies to earlier tweets, each naming the author of the tweet it answers', async () => {
    const [{ replies } = {}] = await rows('select count(*) as replies from tweets where in_reply_to_id is not null');
    expect(Number(replies) / profile.tweets).toBeGreaterThan(replyShare - 0.04);
    expect(Number(replies) / profile.tweets).toBeLessThan(replyShare + 0.04);
    const wrong = await rows(
      'select r.id from tweets r left join tweets t on t.id = r.in_reply_to_id where ' +
        '(r.in_reply_to_id is null) <> (r.in_reply_to_user_id is null) or (r.in_reply_to_id is not null and ' +
        '(t.id is null or t.id >= r.id or t.user_id <> r.in_reply_to_user_id))',
    );
    expect(wrong).toEqual([]);
    // The quiet accounts' few tweets are theirs alone, no replies.
    const quiet = [quietAccount.id, ...quietAccount.follows].join(', ');
    expect(
      await rows(`select count(*) as n from tweets where user_id in (${quiet}) and in_reply_to_id is not null`),
    ).toEqual([{ n: 0 }]);
  });

  it("keeps each tweet's reply count as the app's triggers do", async () => {
    const counts = await rows(
      'select t.id, coalesce(s.reply_count, 0) as counted, coalesce(s.like_count, 0) as likes, ' +
        '(select count(*) from tweets r where r.in_reply_to_id = t.id) as replies ' +
        'from tweets t left join tweet_stats s on s.tweet_id = t.id',
    );
    expect(counts).toHaveLength(profile.tweets);
    expect(counts.filter((c) => Number(c.counted) !== Number(c.replies) || Number(c.likes) !== 0)).toEqual([]);
    expect(counts.some((c) => Number(c.replies) > 1)).toBe(true);
    // A counts row only where there is something to count, as the app makes them.
    expect(await rows('select count(*) as n from tweet_stats where reply_count = 0')).toEqual([{ n: 0 }]);
  });
});

describe('the replies the seeder plans', () => {
  const mid = { users: 1_000, tweets: 30_000, followsPerUser: 50 };

  it('answer mostly followees, sometimes strangers, sometimes the author; recent tweets, threads several deep', () => {
    const plan = planTweets(mid, 3);
    const follows = new Set<string>();
    for (const batch of generateFollows(mid, 3, 2_000))
      for (const [user, followed] of batch) follows.add(`${user},${followed}`);
    const kinds = { followee: 0, stranger: 0, self: 0 };
    const depth = new Int32Array(plan.inReplyTo.length);
    for (let id = 1; id <= mid.tweets; id++) {
      const answered = plan.inReplyTo[id] as number;
      if (!answered) continue;
      expect(answered).toBeLessThan(id);
      expect(id - answered).toBeLessThanOrEqual(1_000);
      const [author, other] = [plan.authors[id], plan.authors[answered]];
      kinds[author === other ? 'self' : follows.has(`${author},${other}`) ? 'followee' : 'stranger']++;
      depth[id] = (depth[answered] as number) + 1;
    }
    const replies = kinds.followee + kinds.stranger + kinds.self;
    expect(replies / mid.tweets).toBeCloseTo(replyShare, 1);
    expect(kinds.followee / replies).toBeGreaterThan(0.5);
    expect(kinds.stranger / replies).toBeGreaterThan(0.05);
    expect(kinds.self / replies).toBeGreaterThan(0.05);
    expect(Math.max(...depth)).toBeGreaterThanOrEqual(4);
  });

  it('are the same for the same seed, and others for another', () => {
    const small = { users: 200, tweets: 2_000, followsPerUser: 10 };
    const a = planTweets(small, 7);
    expect(planTweets(small, 7)).toEqual(a);
    expect(planTweets(small, 8).inReplyTo).not.toEqual(a.inReplyTo);
  });
});

it('makes the same people from the same seed, and others from another', () => {
  const a = generatePeople(profile, 7);
  expect(generatePeople(profile, 7)).toEqual(a);
  expect(generatePeople(profile, 8)).not.toEqual(a);
});
