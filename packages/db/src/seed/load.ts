/**
 * Loads generated rows fast: multi-row INSERTs of explicit ids, many per transaction, the next
 * batch generated while the previous one is on its way. Refuses a database that holds data unless
 * told to empty it first.
 */
import type { QueryResult } from '@mikro-orm/sql';
import bcrypt from 'bcrypt';
import { TimelineEvent } from '../entities/index.ts';
import { usernameKey } from '../handles.ts';
import { dialectOf, type EntityManager, type Orm, sqlEm } from '../orm.ts';
import { insertIgnore } from '../queries/dialect.ts';
import {
  type FollowRow,
  generateFollows,
  generatePeople,
  generateSearchTerms,
  generateTweetStats,
  generateTweets,
  generateUsers,
  heavyAccount,
  planTweets,
  quietAccount,
  type SearchTermRow,
  type SeedProfile,
  seedPassword,
  type TweetRow,
  type TweetStatsRow,
  totalFollows,
  totalSearchTerms,
  totalTweetStats,
  type UserRow,
} from './generate.ts';

export type SeedTable = 'users' | 'user_search_terms' | 'users_follow_list' | 'tweets' | 'tweet_stats';

export interface SeedOptions {
  profile: SeedProfile;
  seed: number;
  /** bcrypt cost of the one hash every user shares: logins cost what they cost on the server. */
  bcryptCost: number;
  /** Empty every table first; without it a database that holds any row is refused. */
  reset: boolean;
  onProgress?: (table: SeedTable, rows: number, total: number) => void;
}

export interface SeedResult {
  rows: Record<SeedTable, number>;
  /** Rows per second of each table's inserts alone. */
  rates: Record<SeedTable, number>;
  seconds: number;
  rowsPerSecond: number;
  /** Of the tweets, how many are replies. */
  replies: number;
  heavyUserId: number;
  quietUserId: number;
  password: string;
}

export class DatabaseNotEmptyError extends Error {}

/** Rows per INSERT statement and per transaction. */
const rowsPerStatement = 2_000;
const statementsPerTransaction = 25;

export async function seedDatabase(orm: Orm, options: SeedOptions): Promise<SeedResult> {
  const em = sqlEm(orm).fork();
  const mysql = dialectOf(orm) !== 'sqlite';
  const tables = [...orm.getMetadata()].filter((meta) => !meta.embeddable).map((meta) => meta.tableName);
  const filled = [];
  for (const table of tables) {
    if ((await em.execute(`select 1 from ${quote(table)} limit 1`)).length) filled.push(table);
  }
  if (filled.length && !options.reset) {
    throw new DatabaseNotEmptyError(`The database already holds data (${filled.join(', ')}): pass --reset to empty it`);
  }
  if (filled.length) await orm.schema.clear({ truncate: mysql });

  const started = performance.now();
  const hashedPassword = await bcrypt.hash(seedPassword, options.bcryptCost);
  const { profile, seed } = options;
  const rates = { users: 0, user_search_terms: 0, users_follow_list: 0, tweets: 0, tweet_stats: 0 };
  const progress = (table: SeedTable, total: number) => {
    const at = performance.now();
    return (rows: number) => {
      rates[table] = Math.round(rows / ((performance.now() - at) / 1000));
      options.onProgress?.(table, rows, total);
    };
  };

  const people = generatePeople(profile, seed);
  // Who writes each tweet and what it answers, made before any row: tweets and their counts need both.
  const plan = planTweets(profile, seed);
  const rows = {
    users: await insertAll(em, mysql, generateUsers(people, seed, rowsPerStatement), progress('users', profile.users), {
      table: 'users',
      columns: [
        'id',
        'name',
        'username',
        'username_key',
        'email',
        'hashed_password',
        'profile',
        'created_at',
        'updated_at',
      ],
      values: ([id, name, username, email, bio, createdAt]: UserRow, time) => {
        const at = time(createdAt);
        return [id, name, username, usernameKey(username), email, hashedPassword, bio, at, at];
      },
    }),
    user_search_terms: await insertAll(
      em,
      mysql,
      generateSearchTerms(people, rowsPerStatement),
      progress('user_search_terms', totalSearchTerms(people)),
      {
        table: 'user_search_terms',
        columns: ['user_id', 'term'],
        values: ([user, term]: SearchTermRow) => [user, term],
        // Terms a MySQL `ci` collation holds equal (café, cafe) are one row, as `writeSearchTerms` writes them.
        ignoreRepeats: true,
      },
    ),
    users_follow_list: await insertAll(
      em,
      mysql,
      generateFollows(profile, seed, rowsPerStatement),
      progress('users_follow_list', totalFollows(profile, seed)),
      {
        table: 'users_follow_list',
        columns: ['user_id', 'follow_user_id', 'created_at'],
        values: ([user, followed, at]: FollowRow, time) => [user, followed, time(at)],
        serial: true,
      },
    ),
    tweets: await insertAll(
      em,
      mysql,
      generateTweets(plan, profile, seed, rowsPerStatement),
      progress('tweets', profile.tweets),
      {
        table: 'tweets',
        columns: ['id', 'user_id', 'tweet', 'created_at', 'in_reply_to_id', 'in_reply_to_user_id'],
        values: ([id, author, text, at, inReplyToId, inReplyToUserId]: TweetRow, time) => [
          id,
          author,
          text,
          time(at),
          inReplyToId,
          inReplyToUserId,
        ],
        serial: true,
      },
    ),
    // After the tweets: the counts rows did not exist when the replies were written, so the reply
    // trigger counted nothing, and each row is written with its count here, as the app's triggers
    // would have kept it.
    tweet_stats: await insertAll(
      em,
      mysql,
      generateTweetStats(plan, rowsPerStatement),
      progress('tweet_stats', totalTweetStats(plan)),
      {
        table: 'tweet_stats',
        columns: ['tweet_id', 'reply_count'],
        values: ([tweetId, replyCount]: TweetStatsRow) => [tweetId, replyCount],
      },
    ),
  };
  // Seeded rows are history, not news: the triggers logged each one for the live timeline, which
  // would sequence them and deliver them, a million old tweets, to the first streams that open.
  const log = em.getMetadata(TimelineEvent).tableName;
  await em.execute(mysql ? `truncate table ${quote(log)}` : `delete from ${quote(log)}`);
  // Fresh statistics, so the planner sees the real sizes rather than those of an empty table.
  await em.execute(
    mysql ? 'analyze table users, user_stats, user_search_terms, users_follow_list, tweets, tweet_stats' : 'analyze',
  );
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  return {
    rows,
    rates,
    seconds,
    rowsPerSecond: Math.round(total / seconds),
    replies: plan.inReplyTo.reduce((n, answered) => n + (answered ? 1 : 0), 0),
    heavyUserId: heavyAccount.id,
    quietUserId: quietAccount.id,
    password: seedPassword,
  };
}

interface TableWriter<R> {
  table: SeedTable;
  columns: string[];
  /** The row's values in column order; times (epoch ms) through `time`. */
  values: (row: R, time: (ms: number) => string | number) => readonly (string | number | null)[];
  /** Rows that would repeat a key are skipped, as the app writes them (counted: only rows stored are). */
  ignoreRepeats?: true;
  /**
   * One transaction at a time: the table's triggers count into `user_stats`, whose rows concurrent
   * transactions would lock in different orders, deadlocking each other.
   */
  serial?: true;
}

async function insertAll<R>(
  em: EntityManager,
  mysql: boolean,
  batches: Iterator<R[]>,
  onProgress: (rows: number) => void,
  writer: TableWriter<R>,
): Promise<number> {
  const platform = em.getPlatform();
  const { insert, onConflict } = writer.ignoreRepeats ? insertIgnore(em) : { insert: 'insert', onConflict: '' };
  const head = `${insert} into ${quote(writer.table)} (${writer.columns.map(quote).join(', ')}) values `;
  // Literal SQL built here: the generic `?` formatting costs more than the database's work.
  const literal = (v: string | number | null) =>
    v === null ? 'null' : typeof v === 'number' ? String(v) : (platform.quoteValue(v) as string);
  const time = mysql ? mysqlDatetime : (ms: number) => ms;
  const sql = (batch: R[]) =>
    head + batch.map((row) => `(${writer.values(row, time).map(literal).join(', ')})`).join(', ') + onConflict;
  let done = 0;
  let more = true;
  // On MySQL two statements run while a third is generated; SQLite has a single writer.
  const lane = async () => {
    while (more) {
      await em.fork().transactional(async (tx) => {
        // Rows are complete and consistent by construction: skip per-row foreign key checks.
        if (mysql) await tx.execute('set foreign_key_checks = 0');
        for (let n = 0; n < statementsPerTransaction; n++) {
          const next = batches.next();
          if (next.done) {
            more = false;
            break;
          }
          // Added after the statement: `done +=` around the await would lose the other lanes' rows.
          const stored = await tx.execute<QueryResult>(sql(next.value), [], 'run');
          done += stored.affectedRows;
          onProgress(done);
        }
        if (mysql) await tx.execute('set foreign_key_checks = 1');
      });
    }
  };
  await Promise.all(Array.from({ length: mysql && !writer.serial ? 3 : 1 }, lane));
  return done;
}

const quote = (name: string) => `\`${name}\``;

/** `YYYY-MM-DD hh:mm:ss.mmm` in UTC, as DATETIME(3) holds it with forceUtcTimezone; days cached. */
const days = new Map<number, string>();
function mysqlDatetime(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let date = days.get(day);
  if (!date) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 11).replace('T', ' ');
    days.set(day, date);
  }
  const t = ms - day * 86_400_000;
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  const millis = t % 1000;
  return `${date}${two(Math.floor(t / 3_600_000))}:${two(Math.floor(t / 60_000) % 60)}:${two(Math.floor(t / 1000) % 60)}.${millis < 100 ? (millis < 10 ? '00' : '0') : ''}${millis}`;
}
