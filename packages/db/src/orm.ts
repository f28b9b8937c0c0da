import { MikroORM } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { createOrmConfig, type DatabaseTarget, type OrmConfigOptions, parseDatabaseUrl } from './config.ts';
import { watchReplicas } from './replicas.ts';
import { BoundSqliteDriver } from './sqlite-driver.ts';

export type Orm = MikroORM;
export type { EntityManager };

export interface OpenOrmOptions extends OrmConfigOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

export async function openOrm(target: DatabaseTarget | string | undefined, options: OpenOrmOptions = {}): Promise<Orm> {
  const resolved = typeof target === 'object' ? target : parseDatabaseUrl(target);
  const orm = await MikroORM.init(createOrmConfig(resolved, options));
  if (resolved.dialect === 'sqlite') {
    // WAL lets readers proceed during a write; the busy timeout waits out a concurrent writer.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
  }
  if (options.migrate ?? true) await migrate(orm);
  await watchReplicas(sqlEm(orm));
  return orm;
}

/** Applies the pending migrations, as each dialect needs. */
export async function migrate(orm: Orm): Promise<void> {
  await (orm.em.getDriver() instanceof BoundSqliteDriver ? migrateSqlite(orm) : migrateLocked(orm));
}

/**
 * SQLite makes a column required only by rebuilding its table, and dropping the old `users` would
 * cascade to every row that refers to it: the migrations run with foreign keys off (a pragma that
 * only takes effect outside a transaction), and are checked before they are turned on again.
 */
async function migrateSqlite(orm: Orm): Promise<void> {
  const connection = orm.em.getConnection();
  await connection.execute('pragma foreign_keys = off');
  try {
    await orm.migrator.up();
    const broken = await connection.execute('pragma foreign_key_check');
    if (broken.length) throw new Error(`migrations left ${broken.length} rows without the row they refer to`);
  } finally {
    await connection.execute('pragma foreign_keys = on');
  }
}

/**
 * Applies the pending migrations under a lock on the MySQL server: instances started at once on one
 * database (a deploy of several) would otherwise run the same migration twice, and MySQL's DDL is
 * not transactional. The lock needs a connection, and a connection its database: that is created
 * first, where two that race to create it both succeed.
 */
async function migrateLocked(orm: Orm): Promise<void> {
  const dbName = orm.config.get('dbName');
  await orm.schema.ensureDatabase().catch(async () => {
    // Lost that race: MikroORM is left on the server's own schema. Back to the database, now there.
    orm.config.set('dbName', dbName);
    await orm.reconnect();
  });
  const lock = `miniter_migrations:${dbName}`.slice(0, 64);
  await sqlEm(orm)
    .getConnection()
    .getClient()
    .connection()
    .execute(async (connection) => {
      // Waits for an instance migrating now, for as long as a migration may take.
      await sql`select get_lock(${lock}, 600)`.execute(connection);
      try {
        await orm.migrator.up();
      } finally {
        await sql`select release_lock(${lock})`.execute(connection);
      }
    });
}

/** Typed access to the SQL entity manager (both drivers are SQL drivers). */
export function sqlEm(orm: Orm): EntityManager {
  return orm.em as EntityManager;
}

/** True when the database answers a trivial query. */
export async function isDatabaseReady(orm: Orm): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

/** Which database an ORM talks to, for health reports. */
export function dialectOf(orm: Orm): 'sqlite' | 'mysql' | 'mariadb' {
  const driver = orm.em.getDriver();
  return driver instanceof BoundSqliteDriver ? 'sqlite' : driver instanceof MariaDbDriver ? 'mariadb' : 'mysql';
}
