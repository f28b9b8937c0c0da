/**
 * `pnpm bench [--quick]`: seeds a large and a small database, starts the server on each (production
 * mode, separate processes), runs the scenarios and writes bench/results/<date>-<db>.{json,md}.
 * Targets are printed with PASS/FAIL; they fail the run only with --strict. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Orm, openOrm, parseDatabaseUrl } from '@miniter/db';
import { Command, InvalidArgumentError, Option } from 'commander';
import mysql from 'mysql2/promise';
import { openSqlCeiling, type SqlCeiling } from './ceiling.ts';
import { publicTimelineScenario, type SearchTarget, searchScenario, suggestionsScenario } from './discovery.ts';
import { likesScenario } from './likes.ts';
import { type LiveTransport, liveFileLimit, liveScenario, trpcTransport } from './live.ts';
import { authorizedTokens, mastodonScenario, mastodonTransport, registerApp } from './mastodon.ts';
import type { Timing } from './measure.ts';
import { describeMachine, gitCommit, printTargets, type Report, writeReport } from './report.ts';
import {
  type BenchContext,
  batchingScenario,
  check,
  loginScenario,
  overheadScenario,
  processesScenario,
  processTreeScenario,
  query,
  type ScenarioResult,
  type Session,
  scaleScenario,
  type Target,
  timelineScenarios,
  tweetCreateScenario,
  warmUpServers,
  writeCeilingScenario,
} from './scenarios.ts';
import { raiseFileLimit, repoRoot, type ServerOptions, type ServerProcess, startServer as start } from './server.ts';
import { threadScenario } from './threads.ts';

type Dialect = 'mysql' | 'sqlite';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const program = new Command('bench')
  .description('Load benchmark of the Miniter server: seeds, starts it in production mode, measures, reports')
  .option('--quick', 'small profiles and short runs (about 6 minutes, for CI and reviewers)', false)
  .addOption(
    new Option(
      '--db <list>',
      'databases to run on, comma-separated (default: mysql,sqlite; with --quick: mysql)',
    ).argParser((v) => {
      const list = v.split(',').map((s) => s.trim());
      if (!list.every((d) => d === 'mysql' || d === 'sqlite')) throw new InvalidArgumentError('mysql or sqlite');
      return list;
    }),
  )
  .addOption(
    new Option('--mysql-url <url>', 'MySQL/MariaDB server (no database): the databases (--db-prefix) are created there')
      .env('BENCH_MYSQL_URL')
      .default('mariadb://root@127.0.0.1:3306'),
  )
  .addOption(
    new Option('--db-prefix <prefix>', 'names of the databases created on the MySQL server: <prefix>large, …')
      .env('BENCH_DB_PREFIX')
      .default('miniter_bench_')
      .argParser((v) => {
        if (!/^\w+$/.test(v)) throw new InvalidArgumentError('letters, digits and _ only');
        return v;
      }),
  )
  .addOption(
    new Option('--ports <first-last>', 'ports the servers listen on (default: any the system picks)')
      .env('BENCH_PORTS')
      .argParser((v): [number, number] => {
        const [first, last] = v.split('-').map(Number);
        if (!Number.isInteger(first) || !Number.isInteger(last) || !first || !last || first > last || last > 65_535)
          throw new InvalidArgumentError('a range such as 48000-48999');
        return [first, last];
      }),
  )
  .option('--runs <n>', 'measured runs per case (median reported)', positive)
  .option('--seconds <n>', 'seconds per measured run', positive)
  .option('--out <dir>', 'where results go', join(repoRoot, 'bench/results'))
  .option('--keep', 'keep the seeded databases afterwards (reuse them with --skip-seed)', false)
  .option('--skip-seed', 'reuse databases a previous --keep run left', false)
  .option('--strict', 'exit with 1 when a target fails', false)
  .addOption(
    new Option(
      '--scenarios <ids>',
      'run only these scenarios, comma-separated numbers (results get a -partial name)',
    ).argParser((v) => {
      const ids = v.split(',').map(Number);
      if (!ids.every((id) => Number.isInteger(id) && id >= 1 && id <= 18))
        throw new InvalidArgumentError('numbers 1–18');
      return new Set(ids);
    }),
  )
  .parse();

const options = program.opts<{
  quick: boolean;
  db?: string[];
  mysqlUrl: string;
  dbPrefix: string;
  ports?: [number, number];
  runs?: number;
  seconds?: number;
  out: string;
  keep: boolean;
  skipSeed: boolean;
  strict: boolean;
  scenarios?: Set<number>;
}>();
/** Whether scenario `id` is to run. */
const selected = (id: number) => !options.scenarios || options.scenarios.has(id);
const dialects = (options.db ?? (options.quick ? ['mysql'] : ['mysql', 'sqlite'])) as Dialect[];

interface Dataset {
  name: string;
  args: string[];
}
/**
 * The large and small data sets, and 100,000 users for user.search (scenario 12). --quick scales the
 * large one down to 100,000 tweets and searches it rather than seed the 100,000 users.
 */
const datasets: { large: Dataset; small: Dataset; search?: Dataset } = options.quick
  ? {
      large: { name: 'medium', args: ['--users', '2000', '--tweets', '100000'] },
      small: { name: 'small', args: ['--profile', 'small'] },
    }
  : {
      large: { name: 'large', args: ['--profile', 'large'] },
      small: { name: 'small', args: ['--profile', 'small'] },
      search: { name: 'search', args: ['--profile', 'search'] },
    };
const bcryptCost = options.quick ? 10 : 12;
const randomSessions = options.quick ? 12 : 24;
const password = 'miniter-bench-password';
const auth = { jwtSecret: randomBytes(32).toString('base64url'), jwtExpiresIn: 86_400, bcryptCost };

const timingFor = (dialect: Dialect): Timing => {
  const base = options.quick
    ? { serverWarmupSeconds: 15, warmupSeconds: 1, runs: 3, seconds: 2 }
    : dialect === 'mysql'
      ? { serverWarmupSeconds: 30, warmupSeconds: 3, runs: 3, seconds: 10 }
      : { serverWarmupSeconds: 15, warmupSeconds: 2, runs: 3, seconds: 5 };
  return {
    ...base,
    ...(options.runs ? { runs: options.runs } : {}),
    ...(options.seconds ? { seconds: options.seconds } : {}),
  };
};

const log = (line: string) => console.log(line);
/** Every server of the run, on `--ports` if given. */
const startServer = (server: ServerOptions) => start({ ...server, ...(options.ports ? { ports: options.ports } : {}) });
/** Interrupted (Ctrl-C, a CI timeout): stop the servers (they run in their own process groups) first. */
const running = new Set<ServerProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    log(`\n${signal}: stopping the servers`);
    await Promise.all([...running].map((s) => s.stop()));
    process.exit(130);
  });
}
// Scenario 11 holds thousands of streams open: this process (their client) needs a file descriptor
// for each, as does the server, which inherits the limit (and raises its own on start, see server.ts).
if ((selected(11) || selected(16)) && dialects.includes('mysql')) {
  const files = raiseFileLimit(liveFileLimit);
  log(`open files: ${files.soft} (hard limit ${files.hard})`);
}
const benchStarted = performance.now();
let failed = 0;
const sqliteDirectory = mkdtempSync(join(tmpdir(), 'miniter-bench-'));
try {
  for (const dialect of dialects) failed += await benchmark(dialect);
} finally {
  rmSync(sqliteDirectory, { recursive: true, force: true });
}
log(`\nBenchmark finished in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; ${failed} target(s) missed.`);
if (options.strict && failed) process.exitCode = 1;

async function benchmark(dialect: Dialect): Promise<number> {
  const started = performance.now();
  const timing = timingFor(dialect);
  log(`\n== ${dialect}${options.quick ? ' (quick)' : ''}: ${timing.runs} runs × ${timing.seconds} s per case ==`);
  const searchSet = selected(12) ? datasets.search : undefined;
  const urls = {
    large: databaseUrl(dialect, datasets.large.name),
    small: databaseUrl(dialect, datasets.small.name),
    ...(searchSet ? { search: databaseUrl(dialect, searchSet.name) } : {}),
  };
  const seeding: Record<string, unknown>[] = [];
  if (!options.skipSeed) {
    for (const [dataset, url] of [
      [datasets.large, urls.large],
      [datasets.small, urls.small],
      [searchSet, urls.search],
    ] as const) {
      if (!dataset || !url) continue;
      log(`seeding ${dataset.name} (${dialect})…`);
      seeding.push({ dataset: dataset.name, ...seed(url, dataset.args) });
    }
  }

  const servers: ServerProcess[] = [];
  /** Servers a scenario starts for itself (11), with their own memory target: not in the whole run's. */
  const dedicated: ServerProcess[] = [];
  const orms: Orm[] = [];
  const ceilings: SqlCeiling[] = [];
  const openCeiling = (url: string, orm: Orm) => {
    if (dialect !== 'mysql') return null;
    const ceiling = openSqlCeiling(url, orm);
    ceilings.push(ceiling);
    return ceiling;
  };
  try {
    const prepare = async (key: 'large' | 'small'): Promise<Target> => {
      const server = await startServer({ databaseUrl: urls[key], jwtSecret: auth.jwtSecret, bcryptCost });
      servers.push(server);
      running.add(server);
      const orm = await openOrm(urls[key], { migrate: false });
      orms.push(orm);
      const [counts] = await query(orm, 'select max(id) as users from users');
      const users = Number(counts?.users);
      const randomIds = Array.from({ length: randomSessions }, (_, i) => 6 + ((i * 2_654_435_761) % (users - 5)));
      const sessions = await logins(server.url, [1, 2, ...randomIds]);
      return {
        profile: datasets[key].name,
        databaseUrl: urls[key],
        server,
        orm,
        users,
        heavy: sessions[0] as Session,
        quiet: sessions[1] as Session,
        random: sessions.slice(2),
      };
    };
    const large = await prepare('large');
    const small = await prepare('small');
    // Mastodon's API (10, 16) and the tokens of likers (17) and of a thread's writers (18): the bench
    // registers as an app, and the random users authorize it.
    const app = await registerApp(large.server.url);
    const mastodon = { app, random: await authorizedTokens(large.server.url, app, large.random) };
    // The large profile once more, served by the number of processes the default does not run: one
    // process and several are compared (8), and one measured against its SQL ceiling (9).
    const other = await startServer({
      databaseUrl: urls.large,
      jwtSecret: auth.jwtSecret,
      bcryptCost,
      workers: large.server.workers > 1 ? 1 : 2,
    });
    servers.push(other);
    running.add(other);
    const [single, multi] = large.server.workers > 1 ? [other, large.server] : [large.server, other];
    const ceiling = openCeiling(urls.large, large.orm);
    /** Scenario 12's database: the search data set with a server of its own, or (--quick) the large one. */
    const searchTarget = async (): Promise<SearchTarget> => {
      if (!urls.search) return { ...large, ceiling, fresh: false };
      const server = await startServer({ databaseUrl: urls.search, jwtSecret: auth.jwtSecret, bcryptCost });
      servers.push(server);
      running.add(server);
      const orm = await openOrm(urls.search, { migrate: false });
      orms.push(orm);
      const [counts] = await query(orm, 'select max(id) as users from users');
      const profile = searchSet?.name ?? 'search';
      return {
        profile,
        server,
        orm,
        users: Number(counts?.users),
        ceiling: openCeiling(urls.search, orm),
        fresh: true,
      };
    };
    const ctx: BenchContext = {
      dialect,
      timing,
      auth,
      large,
      small,
      single,
      multi,
      workers: large.server.workers,
      ceiling,
      mastodon,
      log,
    };
    const database = await databaseVersion(large.orm, dialect);

    log(`warming the servers up: ${timing.serverWarmupSeconds} s of timeline.home each`);
    await warmUpServers(ctx);
    log('scenarios:');
    // Scenarios 11 and 16: a dedicated server on the large data set, holding many streams.
    const live = (transport: LiveTransport): Promise<ScenarioResult> => {
      const harness = {
        async startServer(fileLimit: number) {
          const server = await startServer({
            databaseUrl: urls.large,
            jwtSecret: auth.jwtSecret,
            bcryptCost,
            workers: 1,
            fileLimit,
            // Room for the scenario's streams (the default cap, 500, fits a process's heap).
            env: { LIVE_MAX_STREAMS: '5000' },
          });
          dedicated.push(server);
          running.add(server);
          return server;
        },
      };
      return liveScenario(ctx, harness, transport);
    };
    const runs: [number[], () => Promise<ScenarioResult | ScenarioResult[]>][] = [
      [[1, 2], () => timelineScenarios(ctx)],
      [[6], () => scaleScenario(ctx)],
      [[4], () => batchingScenario(ctx)],
      [[7], () => overheadScenario(ctx)],
      [[5], () => loginScenario(ctx, password)],
      // Reads of the seeded data, before the writes add to it.
      [[13], () => publicTimelineScenario(ctx)],
      [[14], () => suggestionsScenario(ctx)],
      [[12], async () => searchScenario(ctx, await searchTarget())],
      [[3], () => tweetCreateScenario(ctx)],
      [[8], () => processesScenario(ctx)],
      [[10], () => mastodonScenario(ctx)],
      [[17], async () => (dialect === 'mysql' ? likesScenario(ctx) : [])],
      [[18], async () => (dialect === 'mysql' ? threadScenario(ctx) : [])],
      [[9], async () => (ceiling ? writeCeilingScenario(ctx, ceiling) : [])],
      // After the others: what they all made the default server's processes grow to.
      [[15], async () => processTreeScenario(ctx)],
      // The live timeline, each on a server of its own: over tRPC, then Mastodon's WebSocket.
      [[11], async () => (dialect === 'mysql' ? live(trpcTransport(ctx, logins)) : [])],
      [[16], async () => (dialect === 'mysql' ? live(mastodonTransport(ctx, logins)) : [])],
    ];
    const scenarios: ScenarioResult[] = [];
    for (const [ids, run] of runs) {
      if (ids.some(selected)) scenarios.push(...[await run()].flat().filter((s) => selected(s.id)));
    }
    scenarios.sort((a, b) => a.id - b.id);

    const peakRss = Math.max(...servers.map((s) => s.peakRss().overall));
    const rows = scenarios.flatMap((s) => s.rows);
    const failures = rows.reduce((n, r) => n + r.load.status5xx + r.load.errors, 0);
    const targets = [
      ...scenarios.flatMap((s) => s.targets),
      check('5xx responses and connection errors, all scenarios', failures, '=', 0),
      check(
        `server peak RSS, whole run${dedicated.length ? ' (the live scenarios’ servers aside)' : ''}`,
        peakRss,
        '≤',
        200,
        'MiB',
      ),
    ];
    const report: Report = {
      date: new Date().toISOString().slice(0, 10),
      dialect,
      quick: options.quick,
      partial: Boolean(options.scenarios),
      machine: describeMachine(database),
      timing,
      seeding,
      scenarios,
      targets,
      durationSeconds: Math.round((performance.now() - started) / 1000),
    };
    const files = writeReport(options.out, report, gitCommit(repoRoot));
    log(`targets (${dialect}):`);
    printTargets(targets, log);
    log(`results: ${files.markdown}, ${files.json} (${report.durationSeconds} s)`);
    return targets.filter((t) => !t.pass).length;
  } finally {
    await Promise.all(ceilings.map((c) => c.close()));
    await Promise.all([...servers, ...dedicated].map((s) => s.stop()));
    for (const server of [...servers, ...dedicated]) running.delete(server);
    await Promise.all(orms.map((o) => o.close()));
    if (!options.keep) await dropDatabases(dialect, Object.values(urls));
  }
}

function databaseUrl(dialect: Dialect, name: string): string {
  if (dialect === 'sqlite') return `sqlite:${join(sqliteDirectory, `${name}.sqlite`)}`;
  const url = new URL(options.mysqlUrl);
  url.pathname = `/${options.dbPrefix}${name}`;
  return url.toString();
}

/** Runs the seed CLI (`pnpm db:seed`) as a user would, and returns its JSON summary. */
function seed(url: string, args: string[]): Record<string, unknown> {
  const output = execFileSync(
    process.execPath,
    ['packages/db/src/seed/main.ts', '--reset', '--json', '--bcrypt-cost', String(bcryptCost), ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const summary = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  log(`  ${JSON.stringify(summary.rows)} in ${Number(summary.seconds).toFixed(1)} s: ${summary.rowsPerSecond} rows/s`);
  return { rows: summary.rows, seconds: summary.seconds, rowsPerSecond: summary.rowsPerSecond, rates: summary.rates };
}

/** Logs the users in over HTTP, two at a time (bcrypt is the cost). */
async function logins(baseUrl: string, userIds: number[]): Promise<Session[]> {
  const email = (id: number) =>
    id === 1 ? 'heavy@bench.miniter' : id === 2 ? 'quiet@bench.miniter' : `user${id}@bench.miniter`;
  const login = async (userId: number): Promise<Session> => {
    const response = await fetch(`${baseUrl}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: email(userId), password }),
    });
    if (!response.ok) throw new Error(`login of user ${userId} failed: ${response.status} ${await response.text()}`);
    const { result } = (await response.json()) as { result: { data: { accessToken: string; user: { id: number } } } };
    return { userId: result.data.user.id, token: result.data.accessToken };
  };
  const sessions: Session[] = [];
  for (let i = 0; i < userIds.length; i += 2) {
    sessions.push(...(await Promise.all(userIds.slice(i, i + 2).map(login))));
  }
  return sessions;
}

async function databaseVersion(orm: Orm, dialect: Dialect): Promise<string> {
  const sql = dialect === 'mysql' ? 'select version() as version' : 'select sqlite_version() as version';
  const [row] = await query(orm, sql);
  const version = String(row?.version);
  return dialect === 'mysql'
    ? /mariadb/i.test(version)
      ? `MariaDB ${version}`
      : `MySQL ${version}`
    : `SQLite ${version}`;
}

async function dropDatabases(dialect: Dialect, urls: string[]): Promise<void> {
  if (dialect === 'sqlite') return; // the temporary directory goes at exit
  const server = new URL(parseDatabaseUrl(options.mysqlUrl).location);
  server.pathname = '/';
  const connection = await mysql.createConnection({ uri: server.toString() });
  try {
    for (const url of urls) await connection.query(`drop database if exists \`${new URL(url).pathname.slice(1)}\``);
  } finally {
    await connection.end();
  }
}
