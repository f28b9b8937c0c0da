/**
 * EXPLAIN the statements the home and public timelines run, for readers on each side of the plan's switch. On
 * MySQL/MariaDB `tweets` must always be read through an index (a range or a lookup by key), never
 * scanned whole (skipped when the run has no MySQL server); on SQLite a reader following hundreds
 * must have the window read along the primary key, not one index seek per followee.
 * timeline.test.ts checks the results on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../src/config.ts';
import { sqlEm } from '../src/orm.ts';
import { findPublicTimelineRows, findTimelineRows, type RunSql, type TimelineQuery } from '../src/queries/timeline.ts';

/** The public timeline's page: no reader. */
type PublicQuery = { limit: number; after?: number };

import { seedDatabase } from '../src/seed/load.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
}

/** A database where user 1 follows every other user (past the listed maximum), user 2 three quiet accounts. */
function useSeededDatabase(dialect: Dialect, tweets: number) {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await seedDatabase(db.orm, {
      profile: { users: 300, tweets, followsPerUser: 20 },
      seed: 1,
      bcryptCost: 4,
      reset: false,
    });
  }, 120_000);
  afterAll(() => db?.close());

  /** The statements `findTimeline` runs for `query`, formatted as sent, with what `explain` says of each. */
  return async function plans<Row>(query: TimelineQuery | PublicQuery, explain: string) {
    const em = sqlEm(db.orm).fork();
    const platform = em.getPlatform();
    const statements: string[] = [];
    const run: RunSql = (sql, params) => {
      statements.push(platform.formatQuery(sql, [...params]));
      return em.execute(sql, [...params]);
    };
    await ('userId' in query ? findTimelineRows(run, query) : findPublicTimelineRows(run, query));
    return Promise.all(
      statements.map(async (sql) => ({ sql, plan: (await em.execute(`${explain} ${sql}`)) as Row[] })),
    );
  };
}

describe('the timeline query plan on SQLite', () => {
  // Enough tweets that SQLite's estimates favour one index seek per followee, were it allowed.
  const plans = useSeededDatabase('sqlite', 100_000);

  it('reads the window of a reader following hundreds along the primary key', async () => {
    const explained = await plans<{ detail: string }>(
      { userId: 1, includeFollowed: true, limit: 20 },
      'explain query plan',
    );
    const windows = explained.filter(({ sql }) => sql.includes('as w'));
    expect(windows.length).toBeGreaterThan(0);
    for (const { sql, plan } of windows) {
      // The window (`c`) along the primary key; a candidate's newer reposts (`r`) by one index seek.
      const tweetReads = plan.map((row) => row.detail).filter((detail) => /^(SCAN|SEARCH) [cr] /.test(detail));
      expect(tweetReads[0], sql).toMatch(/^SEARCH c USING INTEGER PRIMARY KEY \(rowid[<>]/);
      expect(tweetReads.length, sql).toBeGreaterThan(1);
      for (const read of tweetReads.slice(1)) {
        expect(read, sql).toMatch(
          /^SEARCH r USING COVERING INDEX tweets_repost_of_id_user_id_unique \(repost_of_id=\?/,
        );
      }
    }
  });
});

describe.skipIf(!testDialects().includes('mysql'))('the timeline query plan on MySQL', () => {
  const plans = useSeededDatabase('mysql', 30_000);

  it.each([
    // Home pages are read by their owner: whether they liked each tweet is read too.
    ['the user following 299 accounts', { userId: 1, includeFollowed: true, limit: 20, readerId: 1 }],
    ['the user following 3 quiet accounts', { userId: 2, includeFollowed: true, limit: 20, readerId: 2 }],
    ['a user following a few dozen', { userId: 150, includeFollowed: true, limit: 20, readerId: 150 }],
    ['a later page', { userId: 1, includeFollowed: true, limit: 20, after: 15_000, readerId: 1 }],
    ["a user's own tweets", { userId: 150, includeFollowed: false, limit: 20 }],
  ] as const)('%s: tweets is read through an index, no table is scanned whole', async (_, query) => {
    const explained = await plans<PlanRow>(query, 'explain');
    for (const { sql, plan } of explained) {
      // A derived table (`<derived2>`) is the small result of an inner query, scanned by design.
      const scans = plan.filter((row) => !row.table?.startsWith('<') && (row.type === 'ALL' || row.type === 'index'));
      expect(scans, sql).toEqual([]);
    }
    // The window (`c`, or `tweets` for the followees' count), the page's rows (`t`), and a
    // candidate's newer reposts (`r`), each through its index.
    const keys: Record<string, RegExp> = {
      tweets: /^(PRIMARY|tweets_user_id_id_in_reply_to_user_id_index)$/,
      c: /^(PRIMARY|tweets_user_id_id_in_reply_to_user_id_index)$/,
      t: /^PRIMARY$/,
      r: /^tweets_repost_of_id_user_id_unique$/,
    };
    const reads = explained.flatMap(({ sql, plan }) =>
      plan.filter((row) => row.table && row.table in keys).map((row) => ({ sql, ...row })),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read, read.sql).toMatchObject({ key: expect.stringMatching(keys[read.table as string] as RegExp) });
      expect(['range', 'ref', 'eq_ref', 'const'], `${read.sql}: ${read.type}`).toContain(read.type);
    }
  });

  it.each([
    ['first', { limit: 20 }],
    ['later', { limit: 20, after: 15_000, readerId: 7 }],
  ] as const)(
    "the public timeline's %s page: a walk down tweets' primary key that LIMIT stops, rows by key",
    async (_, query) => {
      const [explained] = await plans<PlanRow & { Extra: string | null }>(query, 'explain');
      const { sql, plan } = explained as NonNullable<typeof explained>;
      // The ids: the primary key read from the newest (`index` or `range`), never sorted.
      expect(
        plan.find((row) => row.table === 'tweets'),
        sql,
      ).toMatchObject({
        type: expect.stringMatching(/^(index|range)$/),
        key: 'PRIMARY',
        Extra: expect.not.stringMatching(/filesort/),
      });
      // Its tweets, authors and counts by primary key; whether the reader liked each, by the like's key.
      for (const table of ['t', 'u', 'ts']) {
        expect(
          plan.find((row) => row.table === table),
          sql,
        ).toMatchObject({ type: 'eq_ref', key: 'PRIMARY' });
      }
      if ('readerId' in query) {
        expect(
          plan.find((row) => row.table === 'l'),
          sql,
        ).toMatchObject({
          type: expect.stringMatching(/^(eq_ref|ref|const)$/),
          key: 'tweet_likes_user_id_tweet_id_unique',
        });
      }
    },
  );
});
