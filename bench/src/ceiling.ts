/**
 * The SQL ceiling of a procedure: the very statements the API runs for a request (for
 * `timeline.home` the session check, timeline plan, tweets and authors; for `tweet.create` the
 * session check and the insert; for `user.search` its one statement), captured from the API's own
 * code path, then replayed through a
 * plain mysql2 pool of the same size, with no HTTP, tRPC, ORM or JSON in between.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter, createCallerFactory, createContextInner, LocalStorage } from '@miniter/api';
import { type Orm, parseDatabaseUrl } from '@miniter/db';
import mysql from 'mysql2/promise';
import { closedLoop, type Runner } from './measure.ts';

export interface AuthSettings {
  jwtSecret: string;
  jwtExpiresIn: number;
  bcryptCost: number;
}

/**
 * Makes a call in process per request, as the server does (signed in with the request's token, if
 * any), and returns the formatted SQL each call sent (MikroORM inlines parameters client-side on
 * MySQL, so these are the exact strings).
 */
export async function captureSql<R>(
  orm: Orm,
  auth: AuthSettings,
  requests: readonly R[],
  call: (caller: ReturnType<typeof appCaller>, request: R) => Promise<unknown>,
  token: (request: R) => string | null = () => null,
): Promise<string[][]> {
  const media = mkdtempSync(join(tmpdir(), 'miniter-bench-media-'));
  const platform = orm.em.getPlatform();
  let captured: string[] = [];
  const previous = orm.config.get('onQuery');
  orm.config.set('onQuery', (sql: string, params: readonly unknown[]) => {
    captured.push(platform.formatQuery(sql, [...params]));
    return sql;
  });
  try {
    const statements: string[][] = [];
    for (const request of requests) {
      captured = [];
      const bearer = token(request);
      const caller = appCaller(
        createContextInner({
          orm,
          auth,
          media: new LocalStorage(media, 'http://127.0.0.1'),
          uploads: { maxBytes: 1024, maxPixels: 1 },
          limiter: null,
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        }),
      );
      await call(caller, request);
      statements.push(captured);
    }
    return statements;
  } finally {
    orm.config.set('onQuery', previous);
    rmSync(media, { recursive: true, force: true });
  }
}

const appCaller = createCallerFactory(appRouter);

export interface SqlCeiling {
  /** Replays the captured requests round-robin, `concurrency` at a time. */
  runner(statements: string[][], concurrency: number): Runner;
  close(): Promise<void>;
}

/** A mysql2 pool as large as the server's ORM pool (read from the same configuration). */
export function openSqlCeiling(databaseUrl: string, orm: Orm): SqlCeiling {
  const poolSize = orm.config.get('pool')?.max ?? 10;
  const pool = mysql.createPool({ uri: parseDatabaseUrl(databaseUrl).location, connectionLimit: poolSize });
  return {
    runner(statements, concurrency) {
      let next = 0;
      return closedLoop(concurrency, async () => {
        const request = statements[next++ % statements.length] ?? [];
        for (const sql of request) await pool.query(sql);
      });
    },
    close: () => pool.end(),
  };
}
