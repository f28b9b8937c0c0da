/**
 * Throwaway databases for tests: the one place that decides which dialects a test run covers.
 * SQLite always; MySQL when the global setup (./mysql-server.ts) provided a server, on which each
 * test database is created fresh and dropped again by `close`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { Dialect } from '../config.ts';
import { type Orm, openOrm } from '../orm.ts';

export * from './mariadb-process.ts';

export interface TestDatabase {
  orm: Orm;
  dialect: Dialect;
  /** A `DATABASE_URL` for the same database, for a server started as a separate process. */
  databaseUrl: string;
  /** Deletes every row, so the next test starts from known data. */
  reset(): Promise<void>;
  /** Closes the ORM and removes the database. */
  close(): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL without a database (`mysql://` or `mariadb://`), or null when MySQL is skipped. */
    mysqlUrl: string | null;
  }
}

/** Outside the root vitest config (no global setup) this is SQLite only. */
const mysqlUrl = () => inject('mysqlUrl') ?? null;

export function testDialects(): Dialect[] {
  return mysqlUrl() ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** A URL for a database that does not exist yet on the MySQL/MariaDB test server. */
function throwawayMysqlUrl(): string {
  const server = mysqlUrl();
  if (!server) throw new Error('No MySQL server for tests: see packages/db/src/testing/mysql-server.ts');
  const url = new URL(server);
  url.pathname = `/miniter_test_${randomBytes(6).toString('hex')}`;
  return url.toString();
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dir = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'miniter-test-')) : undefined;
  const databaseUrl = dir ? `sqlite:${join(dir, 'test.sqlite')}` : throwawayMysqlUrl();
  // MikroORM creates the missing MySQL database on connect (ensureDatabase).
  const orm = await openOrm(databaseUrl, { poolSize: 4 });
  return {
    orm,
    dialect,
    databaseUrl,
    reset: () => orm.schema.clear({ truncate: dialect === 'mysql' }),
    async close() {
      if (dialect === 'mysql') await orm.schema.dropDatabase();
      await orm.close(true);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Vitest hooks for a suite on one dialect: one database for the file, emptied before each test
 * (the book's setup_function/teardown_function), removed after the last.
 */
export function useTestDatabase(dialect: Dialect): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(() => db?.close());
  beforeEach(() => db?.reset());
  return () => {
    if (!db) throw new Error('useTestDatabase: the database is not ready outside a test');
    return db;
  };
}
