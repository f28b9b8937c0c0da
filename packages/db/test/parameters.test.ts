/**
 * Values are data, never SQL, on both dialects.
 *
 * MikroORM 7 does not send parameters: it writes every value into the SQL text as an escaped
 * literal (`platform.formatQuery`). That is only as safe as the escaping and its preconditions:
 * - SQLite: node:sqlite prepares the text as a C string, so an inlined NUL cut the statement short,
 *   and a value saying "returning" changed how a statement was run. `BoundSqliteDriver`
 *   (../src/sqlite-driver.ts) binds every value as a `?` parameter instead.
 * - MySQL: values stay inlined, escaped with backslashes (sqlstring), which holds only while the
 *   session lacks NO_BACKSLASH_ESCAPES; `createOrmConfig` clears that mode on every new connection.
 *
 * fast-check is not a dependency of @miniter/db, so the metacharacter strings come from a fixed
 * alphabet: every token, every ordered pair, and seeded random sequences.
 */
import { raw } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tweet, User } from '../src/entities/index.ts';
import { type EntityManager, type Orm, openOrm, sqlEm } from '../src/orm.ts';
import { bindParameters } from '../src/sqlite-driver.ts';
import {
  createMariadbProcess,
  type MariadbProcess,
  mariadbProcessUnavailable,
  testDialects,
  useTestDatabase,
} from '../src/testing/index.ts';

// ---- Test data ----

/** Every code point but the surrogates, and every 0x3F1th astral one plus two named ones. */
function testedCodePoints(): number[] {
  const points: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) points.push(c);
  for (let c = 0x10000; c <= 0x10ffff; c += 0x3f1) points.push(c);
  points.push(0x1f600, 0x10ffff);
  return points;
}

/** Tweets of at most 300 code points (the column's limit), holding `points` in order. */
function packIntoTweets(points: number[], size = 300): string[] {
  const texts: string[] = [];
  for (let at = 0; at < points.length; at += size) texts.push(String.fromCodePoint(...points.slice(at, at + size)));
  return texts;
}

const metacharacters = [
  "'",
  "''",
  '"',
  '\\',
  "\\'",
  '`',
  '?',
  '??',
  '\\?',
  ';',
  '--',
  '-- ',
  '#',
  '/*',
  '*/',
  '\0',
  '\n',
  '\r',
  '\t',
  '\b',
  '\x1a',
  '%',
  '_',
  '$1',
  ':name',
  ' or 1=1',
  'returning',
  '); delete from tweets; --',
  '안녕하세요',
  '😀',
  '👍🏽',
];

/** A small seeded generator (mulberry32), so every run tries the same strings. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Each token, each ordered pair, and `sequences` random runs of 3–7 tokens; at most 50 code points (users.name). */
function metacharacterStrings(sequences = 300): string[] {
  const random = seededRandom(20261126);
  const pick = () => metacharacters[Math.floor(random() * metacharacters.length)];
  const strings = [
    ...metacharacters,
    ...metacharacters.flatMap((a) => metacharacters.map((b) => a + b)),
    ...Array.from({ length: sequences }, () => Array.from({ length: 3 + Math.floor(random() * 5) }, pick).join('')),
  ];
  return [...new Set(strings)].filter((s) => [...s].length <= 50);
}

// ---- Helpers ----

const utf8Hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

/**
 * Where `actual` differs from `expected`: index, and JSON-escaped slices from the first differing
 * character on, for at most `limit` entries; [] when all are equal.
 */
function differences(expected: readonly string[], actual: readonly (string | undefined)[], limit = 3) {
  const found = [];
  for (let i = 0; i < Math.max(expected.length, actual.length) && found.length < limit; i++) {
    const [e, a] = [expected[i], actual[i]];
    if (e === a) continue;
    let at = 0;
    while (e !== undefined && a !== undefined && e[at] === a[at]) at++;
    const slice = (s: string | undefined) => (s === undefined ? s : JSON.stringify(s.slice(at, at + 12)));
    found.push({ index: i, at, expected: slice(e), actual: slice(a) });
  }
  return found;
}

/** Users named `names`, the i-th with email `u<i>:<name>` (unique even where MySQL's collation equates names). */
function createUsers(em: EntityManager, names: readonly string[]): User[] {
  return names.map((name, i) =>
    em.create(User, { name, username: `u${i}`, email: `u${i}:${name}`, hashedPassword: 'x' }),
  );
}

const createUser = (em: EntityManager, name: string) => createUsers(em, [name])[0] as User;

/** Creates one tweet per text by `author`, in order, in one flush. */
async function insertTweets(em: EntityManager, author: User, texts: readonly string[]): Promise<void> {
  for (const text of texts) em.create(Tweet, { author, text });
  await em.flush();
}

/** Texts of all tweets, read by the ORM and as raw SQL hex, in insertion order. */
async function readTweets(em: EntityManager): Promise<{ texts: string[]; hex: string[] }> {
  const tweets = await em.fork().find(Tweet, {}, { orderBy: { id: 'asc' } });
  const rows = await em.fork().execute<{ h: string }[]>('select hex(tweet) as h from tweets order by id');
  return { texts: tweets.map((t) => t.text), hex: rows.map((r) => r.h) };
}

async function echo(em: EntityManager, value: string): Promise<unknown> {
  return await em.execute('select ? as v', [value]);
}

const rowCounts = async (em: EntityManager) => ({
  users: await em.fork().count(User),
  tweets: await em.fork().count(Tweet),
});

// ---- bindParameters ----

describe('bindParameters (the SQLite driver)', () => {
  const platform = new SqlitePlatform();
  const bind = (sql: string, ...params: unknown[]) => bindParameters(platform, sql, params);

  it('keeps every value out of the SQL text: the text holds only `?`', () => {
    for (const value of metacharacterStrings(50)) {
      expect(bind('insert into t (a, b) values (?, ?)', value, `x${value}`)).toEqual({
        sql: 'insert into t (a, b) values (?, ?)',
        parameters: [value, `x${value}`],
      });
    }
  });

  it('expands a list to one placeholder per element', () => {
    expect(bind('select * from t where id in (?) and a = ?', [1, 'two', 3], 'a')).toEqual({
      sql: 'select * from t where id in (?, ?, ?) and a = ?',
      parameters: [1, 'two', 3, 'a'],
    });
  });

  it('quotes `??` as an identifier and keeps `\\?` as a literal `?`', () => {
    expect(bind("select ?? from ?? where a = '\\?' and b = ?", 'the`name', 't.col', 'v')).toEqual({
      sql: "select `the``name` from `t`.`col` where a = '?' and b = ?",
      parameters: ['v'],
    });
  });

  it('writes raw fragments into the text and binds their parameters', () => {
    expect(bind('select ? as a, ? as b', raw('lower(?)', ["X'"]), 'y')).toEqual({
      sql: 'select lower(?) as a, ? as b',
      parameters: ["X'", 'y'],
    });
  });

  it('binds each type as SQLite stores it', () => {
    const buffer = Buffer.from([0, 0x27, 0xff]);
    const { parameters } = bind(
      '?, ?, ?, ?, ?, ?, ?, ?, ?',
      new Date(1_700_000_000_123),
      true,
      false,
      null,
      undefined,
      buffer,
      12n,
      1.5,
      { a: "'" },
    );
    expect(parameters).toEqual([1_700_000_000_123, 1, 0, null, null, buffer, 12n, 1.5, '{"a":"\'"}']);
    expect(parameters[5]).toBe(buffer);
  });

  it('refuses a value it has no SQLite type for', () => {
    expect(() => bind('select ?', new Map())).toThrow(TypeError);
    expect(() => bind('select ?', new Set([1]))).toThrow(TypeError);
  });
});

// ---- Through the ORM, on each dialect ----

describe.each(testDialects())('values through the ORM on %s', (dialect) => {
  const database = useTestDatabase(dialect);
  const fork = () => sqlEm(database().orm).fork();

  it('every code point round-trips byte for byte', async () => {
    const texts = packIntoTweets(testedCodePoints());
    const em = fork();
    await insertTweets(em, createUser(em, 'author'), texts);

    const stored = await readTweets(em);
    expect(differences(texts, stored.texts)).toEqual([]);
    expect(differences(texts.map(utf8Hex), stored.hex)).toEqual([]);
  });

  it('SQL metacharacters are only ever data', async () => {
    const strings = metacharacterStrings();
    const em = fork();
    const users = createUsers(em, strings);
    for (const author of users) em.create(Tweet, { author, text: author.name });
    await em.flush();

    // (a) As tweet texts: stored and read back equal.
    const stored = await readTweets(em);
    expect(differences(strings, stored.texts)).toEqual([]);
    expect(differences(strings.map(utf8Hex), stored.hex)).toEqual([]);

    for (const [i, s] of strings.entries()) {
      const label = JSON.stringify(s);
      const read = em.fork();
      // (b) As a name and email: the lookup finds exactly that user. No email is the bare string,
      // so it finds no one (a value that broke out, `' or 1=1 -- ` say, would find everyone).
      const user = await read.findOne(User, { email: `u${i}:${s}` });
      expect({ id: user?.id, name: user?.name, email: user?.email }, label).toEqual({
        id: users[i]?.id,
        name: s,
        email: `u${i}:${s}`,
      });
      expect(await read.find(User, { email: s }), label).toEqual([]);
      // (c) As a bare parameter.
      expect(await echo(read, s), label).toEqual([{ v: s }]);
    }

    // Nothing was deleted or added behind the test's back.
    expect(await rowCounts(em)).toEqual({ users: strings.length, tweets: strings.length });
  });

  // Both failed on SQLite before BoundSqliteDriver; they hold on MySQL as well.
  it('stores a NUL intact (SQLite once failed with "unrecognized token")', async () => {
    const em = fork();
    await insertTweets(em, createUser(em, 'a\0b'), ['before\0after', '\0']);
    expect((await readTweets(em)).texts).toEqual(['before\0after', '\0']);
    expect((await em.fork().findOneOrFail(User, { email: 'u0:a\0b' })).name).toBe('a\0b');
    expect(await echo(em, 'x\0y')).toEqual([{ v: 'x\0y' }]);
  });

  it('runs an UPDATE whose value says "returning" as an UPDATE', async () => {
    const em = fork();
    const user = createUser(em, 'before');
    await em.flush();
    const { id } = user;
    expect(await em.nativeUpdate(User, { id }, { name: 'x returning y' })).toBe(1);
    expect((await em.fork().findOneOrFail(User, id)).name).toBe('x returning y');
  });
});

// ---- MySQL whose server default is NO_BACKSLASH_ESCAPES ----

const noBackslashEscapes = /\bNO_BACKSLASH_ESCAPES\b/;

/** `sql` on each of the pool's `size` connections at once (each holds its own, in a transaction). */
async function onEveryConnection<T>(orm: Orm, size: number, sql: string): Promise<T[]> {
  let arrived = 0;
  let release = () => {};
  const together = new Promise<void>((resolve) => {
    release = resolve;
  });
  return await Promise.all(
    Array.from({ length: size }, () =>
      sqlEm(orm)
        .fork()
        .transactional(async (em) => {
          const [row] = await em.execute<T[]>(sql);
          if (++arrived === size) release();
          await together;
          return row as T;
        }),
    ),
  );
}

const unavailable = mariadbProcessUnavailable();
if (unavailable)
  console.log(`[parameters] NO_BACKSLASH_ESCAPES test SKIPPED: ${unavailable} to run a throwaway database`);

describe.runIf(!unavailable)('MySQL on a server defaulting to NO_BACKSLASH_ESCAPES', () => {
  const poolSize = 2;
  let server: MariadbProcess | undefined;
  let orm: Orm;

  beforeAll(async () => {
    server = await createMariadbProcess(['--sql-mode=NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES']);
    await server.start();
    orm = await openOrm(server.url('miniter_params'), { poolSize });
  }, 60_000);
  afterAll(async () => {
    await orm?.close(true);
    await server?.remove();
  });

  it("clears the mode on each of the ORM's connections, not on the server", async () => {
    const rows = await onEveryConnection<{ id: number; session: string; global: string }>(
      orm,
      poolSize,
      'select connection_id() as id, @@session.sql_mode as session, @@global.sql_mode as global',
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(poolSize);
    for (const row of rows) {
      expect(row.session).not.toMatch(noBackslashEscapes);
      expect(row.global).toMatch(noBackslashEscapes);
    }
  });

  it('stores backslashes and quotes as written', async () => {
    const texts = ["\\'); delete from tweets; -- ", 'a\\', '\\', "\\'", "\\\\'", "'\\", '\\0', '\\n', '\\%_'];
    const em = sqlEm(orm).fork();
    const author = createUser(em, 'author');
    await insertTweets(em, author, ['canary']);
    await insertTweets(em, author, texts);

    expect((await readTweets(em)).texts).toEqual(['canary', ...texts]);
    for (const text of texts) expect(await echo(em, text), JSON.stringify(text)).toEqual([{ v: text }]);
    expect(await rowCounts(em)).toEqual({ users: 1, tweets: texts.length + 1 });
  });

  it('needs the hook: with the mode back on, a value escapes its literal', async () => {
    const outcomes = await sqlEm(orm)
      .fork()
      .transactional(async (em) => {
        await em.execute("set session sql_mode = concat(@@session.sql_mode, ',NO_BACKSLASH_ESCAPES')");
        const attempt = (value: string) =>
          echo(em, value).then(
            (rows) => ({ rows }),
            (error: Error) => ({ error: error.message }),
          );
        try {
          return [await attempt("a\\'b"), await attempt("\\' as v, 1 as w -- ")];
        } finally {
          // Back to the pool as the hook left it.
          await em.execute("set session sql_mode = replace(@@session.sql_mode, 'NO_BACKSLASH_ESCAPES', '')");
        }
      });
    // `'a\\\'b'` now ends after the backslashes; the rest (`b' as v`) no longer parses.
    expect(outcomes[0]).toEqual({ error: expect.stringMatching(/SQL syntax/) });
    // And a value can add to the statement: a second column, from the value's own SQL.
    expect(outcomes[1]).toEqual({ rows: [{ v: '\\\\\\', w: 1 }] });
  });
});
