/**
 * The migration that brought handles, on a database holding the previous schema's rows: every
 * account gets a valid, unique handle derived from its e-mail and its name's search terms, and no
 * other row is touched (SQLite rebuilds the users table, which its foreign keys' cascades must not
 * notice).
 */
import { describe, expect, it } from 'vitest';
import { nameSearchTerms, usernamePattern } from '../src/handles.ts';
import { mysqlMigrations } from '../src/migrations/mysql/index.ts';
import { sqliteMigrations } from '../src/migrations/sqlite/index.ts';
import { migrate } from '../src/orm.ts';
import { createTestDatabase, testDialects } from '../src/testing/index.ts';

const accounts = [
  ['kim@example.com', 'Kim Min-ji', 'kim'],
  ['KIM@other.example', '김민지', 'kim2'],
  ['admin@example.com', 'Admin', 'user'],
  ['first.last+tag@example.com', 'First Last', 'first_last_tag'],
  ['한글@example.com', '한글 이름', 'user2'],
  ['__@example.com', 'Underscores', 'user3'],
  [`${'x'.repeat(40)}@example.com`, 'Long', 'x'.repeat(24)],
  ['kim2@example.com', 'Another Kim', 'kim22'],
] as const;

describe.each(testDialects())('the handles migration on %s', (dialect) => {
  it('derives a unique handle for every account and leaves tweets and follows alone', async () => {
    const db = await createTestDatabase(dialect);
    try {
      const migrations = dialect === 'mysql' ? mysqlMigrations : sqliteMigrations;
      const index = migrations.findIndex((m) => m.name.endsWith('_handles_search'));
      const conn = db.orm.em.getConnection();
      // Back to the schema before handles, then rows as that schema held them.
      await db.orm.migrator.down({ to: migrations[index - 1]?.name });
      const now = new Date();
      for (const [email, name] of accounts) {
        await conn.execute(
          'insert into users (name, email, hashed_password, profile, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
          [name, email.toLowerCase(), 'x', '', now, now],
        );
      }
      await conn.execute('insert into tweets (user_id, tweet, created_at) values (1, ?, ?), (2, ?, ?)', [
        'first',
        now,
        'second',
        now,
      ]);
      await conn.execute('insert into users_follow_list (user_id, follow_user_id, created_at) values (1, 2, ?)', [now]);

      await migrate(db.orm);

      const users: Record<string, unknown>[] = await conn.execute(
        'select id, username, username_key from users order by id',
      );
      expect(users.map((u) => u.username)).toEqual(accounts.map(([, , handle]) => handle));
      for (const user of users) {
        expect(user.username).toMatch(usernamePattern);
        expect(user.username_key).toBe(String(user.username).toLowerCase());
      }
      expect(await conn.execute('select count(*) as n from tweets')).toEqual([{ n: 2 }]);
      expect(await conn.execute('select count(*) as n from users_follow_list')).toEqual([{ n: 1 }]);
      // The later user_stats migration counts the rows it finds.
      expect(
        await conn.execute(
          'select user_id, follower_count, following_count, tweet_count from user_stats where user_id < 4 order by user_id',
        ),
      ).toEqual([
        { user_id: 1, follower_count: 0, following_count: 1, tweet_count: 1 },
        { user_id: 2, follower_count: 1, following_count: 0, tweet_count: 1 },
        { user_id: 3, follower_count: 0, following_count: 0, tweet_count: 0 },
      ]);
      const terms: Record<string, unknown>[] = await conn.execute(
        'select term from user_search_terms where user_id = 2 order by term',
      );
      expect(terms.map((t) => t.term)).toEqual(nameSearchTerms('김민지').sort());
      // The unique index is in place: a second account cannot take a handle in another case.
      await expect(
        conn.execute(
          "insert into users (name, username, username_key, email, hashed_password, profile, created_at, updated_at) values ('k', 'KIM', 'kim', 'k@x.y', 'x', '', ?, ?)",
          [now, now],
        ),
      ).rejects.toThrow(/unique|duplicate/i);
      expect(await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await db.close();
    }
  });
});
