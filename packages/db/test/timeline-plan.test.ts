/**
 * On MySQL/MariaDB: EXPLAIN every statement the home timeline runs, for readers on each side of the
 * plan's switch, and require that `tweets` is always read through an index (a range or a lookup by
 * key), never scanned whole. Skipped when the run has no MySQL server (SQLite has no such planner
 * trap: see timeline.test.ts for correctness on both).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlEm } from '../src/orm.ts';
import { findTimelineRows, type TimelineQuery } from '../src/queries/timeline.ts';
import { seedDatabase } from '../src/seed/load.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

interface PlanRow {
  table: string | null;
  type: string | null;
  key: string | null;
}

describe.skipIf(!testDialects().includes('mysql'))('the timeline query plan on MySQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    // User 1 follows every other user (past the listed maximum), user 2 three quiet accounts.
    await seedDatabase(db.orm, {
      profile: { users: 300, tweets: 30_000, followsPerUser: 20 },
      seed: 1,
      bcryptCost: 4,
      reset: false,
    });
  }, 120_000);
  afterAll(() => db?.close());

  /** The statements `findTimeline` runs for `query`, formatted as sent, with their EXPLAIN rows. */
  async function plans(query: TimelineQuery) {
    const em = sqlEm(db.orm).fork();
    const platform = em.getPlatform();
    const statements: string[] = [];
    await findTimelineRows((sql, params) => {
      statements.push(platform.formatQuery(sql, [...params]));
      return em.execute(sql, [...params]);
    }, query);
    return Promise.all(
      statements.map(async (sql) => ({ sql, plan: (await em.execute(`explain ${sql}`)) as PlanRow[] })),
    );
  }

  it.each([
    ['the user following 299 accounts', { userId: 1, includeFollowed: true, limit: 20 }],
    ['the user following 3 quiet accounts', { userId: 2, includeFollowed: true, limit: 20 }],
    ['a user following a few dozen', { userId: 150, includeFollowed: true, limit: 20 }],
    ['a later page', { userId: 1, includeFollowed: true, limit: 20, after: 15_000 }],
    ["a user's own tweets", { userId: 150, includeFollowed: false, limit: 20 }],
  ] as const)('%s: tweets is read through an index, no table is scanned whole', async (_, query) => {
    const explained = await plans(query);
    for (const { sql, plan } of explained) {
      // A derived table (`<derived2>`) is the small result of an inner query, scanned by design.
      const scans = plan.filter((row) => !row.table?.startsWith('<') && (row.type === 'ALL' || row.type === 'index'));
      expect(scans, sql).toEqual([]);
    }
    const reads = explained.flatMap(({ sql, plan }) =>
      plan.filter((row) => row.table === 'tweets' || row.table === 't').map((row) => ({ sql, ...row })),
    );
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read, read.sql).toMatchObject({ key: expect.stringMatching(/^(PRIMARY|tweets_user_id_id_index)$/) });
      expect(['range', 'ref', 'eq_ref', 'const'], `${read.sql}: ${read.type}`).toContain(read.type);
    }
  });
});
