import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Options } from '@mikro-orm/core';
import { MariaDbDriver } from '@mikro-orm/mariadb';
import { Migrator } from '@mikro-orm/migrations';
import { MySqlDriver } from '@mikro-orm/mysql';
import { NodeSqliteDialect } from '@mikro-orm/sql';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import { entities } from './entities/index.ts';
import { mysqlMigrations } from './migrations/mysql/index.ts';
import { sqliteMigrations } from './migrations/sqlite/index.ts';
import { type ReplicaOptions, replicaRoutingDriver } from './replicas.ts';
import { BoundSqliteDriver } from './sqlite-driver.ts';

export type Dialect = 'mysql' | 'sqlite';

/** The embedded default: `<repo>/.data/miniter.sqlite`, wherever the process was started from. */
export const defaultSqlitePath = fileURLToPath(new URL('../../../.data/miniter.sqlite', import.meta.url));

export interface DatabaseTarget {
  dialect: Dialect;
  /** MariaDB speaks the MySQL dialect but reports its schema differently: it has its own driver. */
  mariadb?: boolean;
  /** `mysql://…` URL, or a SQLite file path (`:memory:` allowed). */
  location: string;
}

/**
 * `DATABASE_URL` unset → embedded SQLite file; `mysql://` or `mariadb://` → MySQL;
 * `sqlite:<path>` → that SQLite file.
 */
export function parseDatabaseUrl(databaseUrl: string | undefined): DatabaseTarget {
  if (!databaseUrl) return { dialect: 'sqlite', location: defaultSqlitePath };
  if (/^(mysql|mariadb):\/\//.test(databaseUrl)) {
    return {
      dialect: 'mysql',
      mariadb: databaseUrl.startsWith('mariadb:'),
      location: databaseUrl.replace(/^mariadb:/, 'mysql:'),
    };
  }
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path) return { dialect: 'sqlite', location: path === ':memory:' ? path : resolve(path) };
  }
  throw new Error('DATABASE_URL must start with mysql://, mariadb:// or sqlite:');
}

export interface OrmConfigOptions {
  poolSize?: number;
  debug?: boolean;
  /** Read replicas of a MySQL primary (`replicas.ts`). */
  replicas?: ReplicaOptions;
}

export function createOrmConfig(target: DatabaseTarget, options: OrmConfigOptions = {}): Partial<Options> {
  const common = {
    entities,
    extensions: [Migrator],
    debug: options.debug ?? false,
    // Entities are defined in code; nothing to discover on disk.
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    // Queries for entities must not silently return partial results.
    allowGlobalContext: false,
  } satisfies Partial<Options>;
  if (target.dialect === 'mysql') {
    const replicas = options.replicas?.urls.length ? options.replicas : null;
    return {
      ...common,
      driver: replicas
        ? replicaRoutingDriver(Boolean(target.mariadb), replicas.maxLagMs)
        : target.mariadb
          ? MariaDbDriver
          : MySqlDriver,
      clientUrl: target.location,
      // Only the reads that ask go to a replica (`readConnection`), never the ORM's own by default:
      // a login right after a sign-up must find the account.
      preferReadReplicas: false,
      replicas: (replicas?.urls ?? []).map((url, i) => ({
        name: `replica-${i + 1}`,
        clientUrl: parseDatabaseUrl(url).location,
      })),
      charset: 'utf8mb4',
      onCreateConnection: allowBackslashEscapes,
      pool: { min: 0, max: options.poolSize ?? 10 },
      migrations: { migrationsList: mysqlMigrations, snapshot: false, silent: true },
    };
  }
  if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  return {
    ...common,
    // MikroORM writes values into the SQL text; this driver binds them (./sqlite-driver.ts).
    driver: BoundSqliteDriver,
    dbName: target.location,
    driverOptions: new NodeSqliteDialect(target.location),
    migrations: { migrationsList: sqliteMigrations, snapshot: false, silent: true },
  };
}

/**
 * MikroORM writes values into MySQL statements as literals escaped with backslashes (sqlstring,
 * as mysql2 itself does): safe for every character on a utf8mb4 connection, but only while a
 * backslash escapes. A server whose sql_mode has NO_BACKSLASH_ESCAPES would read `\'` as a
 * backslash and the end of the string, and the rest of the value as SQL. Each new connection
 * clears that mode, whatever the server's default.
 */
async function allowBackslashEscapes(connection: unknown): Promise<void> {
  await (connection as DatabaseConnection).executeQuery(
    CompiledQuery.raw("set session sql_mode = replace(@@session.sql_mode, 'NO_BACKSLASH_ESCAPES', '')"),
  );
}
