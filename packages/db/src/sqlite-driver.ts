/**
 * MikroORM's SQLite driver with every value bound as a statement parameter.
 *
 * MikroORM 7 writes every value into the SQL text as a quoted literal (`platform.formatQuery`) and
 * hands the database that text with no parameters (`AbstractSqlConnection.execute`;
 * mikro-orm/mikro-orm#8001). SQLite's quoting (`'` doubled) is complete, but `node:sqlite` prepares
 * the text as a C string, so the statement ended at the first NUL of any value: a tweet holding
 * U+0000 became `insert … values (1, 'a` and failed with `unrecognized token: "'a"`. Values also
 * leaked into `NodeSqliteDialect`'s guess at whether a statement returns rows (a `\breturning\b`
 * test on the whole text). Bound, a value never becomes SQL: the text holds only `?`.
 *
 * Identifiers (`??`) and raw fragments stay in the text, as MikroORM writes them: they come from
 * entity metadata and code, never from input. `execute` is the one path with values: `executeDump`
 * runs migrations' fixed SQL, and `stream` cannot run on `NodeSqliteDialect` at all (its
 * statements have no `iterate`).
 */
import { type Configuration, isRaw, JsonProperty, raw, Utils } from '@mikro-orm/core';
import {
  AbstractSqlDriver,
  BaseSqliteConnection,
  type LoggingOptions,
  NativeQueryBuilder,
  type RawQueryFragment,
  SqlitePlatform,
  type Transaction,
} from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';

type Bindable = string | number | bigint | Uint8Array | null;

/** `?` placeholders with their values as parameters, in MikroORM's placeholder syntax. */
export function bindParameters(
  platform: SqlitePlatform,
  sql: string,
  params: readonly unknown[],
): { sql: string; parameters: Bindable[] } {
  const parameters: Bindable[] = [];
  let next = 0;
  const placeholder = (value: unknown): string => {
    if (isRaw(value)) {
      const inner = bindParameters(platform, value.sql, value.params);
      parameters.push(...inner.parameters);
      return inner.sql;
    }
    // A list, as in `in (?)`: one placeholder per element.
    if (Array.isArray(value) && !(value as { [JsonProperty]?: true })[JsonProperty]) {
      return value.map(placeholder).join(', ');
    }
    parameters.push(sqliteValue(value));
    return '?';
  };
  let out = '';
  let from = 0;
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', from)) {
    if (sql[at - 1] === '\\') {
      out += `${sql.slice(from, at - 1)}?`;
      from = at + 1;
    } else if (sql[at + 1] === '?') {
      out += sql.slice(from, at) + platform.quoteIdentifier(params[next++] as string);
      from = at + 2;
    } else {
      out += sql.slice(from, at) + placeholder(params[next++]);
      from = at + 1;
    }
  }
  return { sql: out + sql.slice(from), parameters };
}

/** The value SQLite stores, as `SqlitePlatform` would have written it into the text. */
function sqliteValue(value: unknown): Bindable {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return value;
  if (Utils.isPlainObject(value) || Array.isArray(value)) return JSON.stringify(value);
  throw new TypeError(`Cannot bind a ${value.constructor?.name ?? typeof value} as an SQLite parameter`);
}

class BoundSqliteConnection extends BaseSqliteConnection {
  override async execute<T>(
    query: string | NativeQueryBuilder | RawQueryFragment,
    params: readonly unknown[] | Record<string, unknown> = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    await this.ensureConnection();
    // The same normalisation as the base class's (private) prepareQuery.
    const built = query instanceof NativeQueryBuilder ? query.toRaw() : query;
    const fragment = typeof built === 'string' && !Array.isArray(params) ? raw(built, params) : built;
    const values = isRaw(fragment) ? fragment.params : (params as readonly unknown[]);
    const sql = this.config.get('onQuery')(isRaw(fragment) ? fragment.sql : fragment, values);
    const bound = bindParameters(this.platform as SqlitePlatform, sql, values);
    // Only a query log shows the values written in; nothing executes that text.
    const logged = this.config.getLogger().isEnabled('query-params', loggerContext)
      ? this.platform.formatQuery(sql, values)
      : sql;
    const { signal, inflightQueryAbortStrategy, ...context } = (loggerContext ?? {}) as LoggingOptions & {
      signal?: AbortSignal;
      inflightQueryAbortStrategy?: unknown;
    };
    const abort = signal || inflightQueryAbortStrategy ? { signal, inflightQueryAbortStrategy } : undefined;
    return this.executeQuery(
      this.getSql(sql, logged, loggerContext),
      async () => {
        const compiled = CompiledQuery.raw(bound.sql, bound.parameters);
        const client = (ctx ?? this.getClient()) as { executeQuery: (q: CompiledQuery, abort?: unknown) => unknown };
        return this.transformRawResult<T>(await client.executeQuery(compiled, abort), method);
      },
      { query: sql, params: values, ...context },
    );
  }
}

export class BoundSqliteDriver extends AbstractSqlDriver<BoundSqliteConnection, SqlitePlatform> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), BoundSqliteConnection, ['kysely']);
  }
}
