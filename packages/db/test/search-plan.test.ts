/**
 * EXPLAIN what `user.search` runs: served from indexes (a range of `user_search_terms`' primary key,
 * of `users`' handle index, users by primary key), never a scan of `users`, on SQLite and MySQL.
 * people.test.ts (packages/api) checks the results.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../src/config.ts';
import { nameSearchTerms } from '../src/handles.ts';
import { sqlEm } from '../src/orm.ts';
import { findUserSearchRows, type UserSearchQuery } from '../src/queries/search.ts';
import { createTestDatabase, type TestDatabase, testDialects } from '../src/testing/index.ts';

const users = 3_000;
const given = ['Min', 'Ji', 'Soo', 'Kim', 'Lee', 'Park', 'Anna', 'Bob', '민지', '서준', '하은', '도윤'];
const family = ['Kim', 'Lee', 'Park', 'Choi', 'Smith', '김', '이', '박', '최'];
const nameOf = (i: number) =>
  /[가-힣]/.test(family[i % family.length] ?? '')
    ? `${family[i % family.length]}${given[(i * 7) % given.length]}`
    : `${given[(i * 7) % given.length]} ${family[i % family.length]}`;

/** `users` accounts with names and handles, their terms as the app writes them, then fresh statistics. */
async function fill(db: TestDatabase) {
  const em = sqlEm(db.orm).fork();
  const now = new Date();
  for (let from = 1; from <= users; from += 500) {
    const ids = Array.from({ length: Math.min(500, users - from + 1) }, (_, i) => from + i);
    await em.execute(
      `insert into users (id, name, username, username_key, email, hashed_password, profile, created_at, updated_at) values ${ids.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      ids.flatMap((id) => [id, nameOf(id), `user${id}`, `user${id}`, `u${id}@example.com`, 'x', '', now, now]),
    );
    const terms = ids.flatMap((id) => nameSearchTerms(nameOf(id)).map((term) => [term, id]));
    await em.execute(
      `insert into user_search_terms (term, user_id) values ${terms.map(() => '(?, ?)').join(', ')}`,
      terms.flat(),
    );
  }
  await em.execute(db.dialect === 'mysql' ? 'analyze table users, user_search_terms' : 'analyze');
}

/** The statement a search runs, as sent, with what `explain` says of it. */
async function explain<Row>(db: TestDatabase, query: UserSearchQuery, explainWith: string) {
  const em = sqlEm(db.orm).fork();
  const statements: string[] = [];
  await findUserSearchRows(
    (sql, params) => {
      statements.push(em.getPlatform().formatQuery(sql, [...params]));
      return em.execute(sql, [...params]);
    },
    db.dialect,
    query,
  );
  expect(statements).toHaveLength(1);
  const sql = statements[0] as string;
  return { sql, plan: (await em.execute(`${explainWith} ${sql}`)) as Row[] };
}

const queries: [string, UserSearchQuery][] = [
  ['a handle prefix', { query: 'user12', limit: 20 }],
  ['a one-letter prefix', { query: 'k', limit: 20 }],
  ['a Korean syllable prefix', { query: '김민', limit: 20 }],
  ['Korean initial consonants', { query: 'ㄱㅁ', limit: 20 }],
  ['a later page of names', { query: 'kim', limit: 20, after: [3, 1500] }],
  ['a later page of handles', { query: 'user1', limit: 20, after: [2, 150] }],
];

function useFilledDatabase(dialect: Dialect) {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await fill(db);
  }, 120_000);
  afterAll(() => db?.close());
  return () => db as TestDatabase;
}

describe('the search query plan on SQLite', () => {
  const db = useFilledDatabase('sqlite');

  it.each(queries)('%s: ranges of indexes, no table scanned', async (_, query) => {
    const { sql, plan } = await explain<{ detail: string }>(db(), query, 'explain query plan');
    const details = plan.map((row) => row.detail);
    expect(
      details.filter((d) => /^SCAN (u|t|e|users|user_search_terms)\b/.test(d)),
      sql,
    ).toEqual([]);
    expect(
      details.some((d) => /^SEARCH t USING (COVERING INDEX|PRIMARY KEY|INDEX) .*\(term>\? AND term<\?\)/.test(d)),
      sql,
    ).toBe(true);
  });
});

describe.skipIf(!testDialects().includes('mysql'))('the search query plan on MySQL', () => {
  const db = useFilledDatabase('mysql');

  it.each(queries)('%s: ranges of indexes, no table scanned', async (_, query) => {
    const { sql, plan } = await explain<{ table: string | null; type: string | null; key: string | null }>(
      db(),
      query,
      'explain',
    );
    for (const row of plan) {
      // Derived tables (`<derived2>`, `<union…>`) are the small results of inner queries.
      if (!row.table || row.table.startsWith('<')) continue;
      expect(row.type, `${row.table} in ${sql}`).not.toBe('ALL');
      expect(row.key, `${row.table} in ${sql}`).not.toBeNull();
    }
    const terms = plan.find((row) => row.table === 't');
    expect(terms, sql).toMatchObject({ type: 'range', key: 'PRIMARY' });
    if (/^[a-z0-9_]+$/.test(query.query) && !query.after) {
      expect(
        plan.find((row) => row.table === 'u' && row.key === 'users_username_key_unique'),
        sql,
      ).toBeDefined();
    }
  });
});
