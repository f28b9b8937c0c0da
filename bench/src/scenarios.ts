/**
 * The scenarios of the benchmark (10, Mastodon's API against tRPC, is in mastodon.ts; 11 and 16,
 * the live timeline, in live.ts; 12 to 14 in discovery.ts). Each measures with `measureTogether`
 * (warm-up, then interleaved runs, medians) and returns its rows for the report and its targets
 * with PASS/FAIL.
 */

import { hasUnsequencedEvents, type Orm, sequenceEvents, sqlEm } from '@miniter/db';
import bcrypt from 'bcrypt';
import type { AuthSettings, SqlCeiling } from './ceiling.ts';
import { captureSql } from './ceiling.ts';
import type { MastodonApp } from './mastodon.ts';
import {
  closedLoop,
  http,
  type Load,
  type Measured,
  measureTogether,
  medianRatio,
  type Runner,
  type Timing,
} from './measure.ts';
import type { ServerProcess } from './server.ts';

export interface Session {
  userId: number;
  token: string;
}

/** One seeded database with its server. */
export interface Target {
  profile: string;
  databaseUrl: string;
  server: ServerProcess;
  /** An ORM on the same database, for checks and the SQL capture (not used by the server). */
  orm: Orm;
  users: number;
  heavy: Session;
  quiet: Session;
  random: Session[];
}

export interface BenchContext {
  dialect: 'mysql' | 'sqlite';
  timing: Timing;
  auth: AuthSettings;
  large: Target;
  small: Target;
  /** Servers on the large profile's database with one process and with several (one is the default). */
  single: ServerProcess;
  multi: ServerProcess;
  /** How many processes the default server runs. */
  workers: number;
  /** The SQL ceiling, on MySQL only. */
  ceiling: SqlCeiling | null;
  /** The bench's Mastodon app, and the tokens `large.random` authorized it with (same order). */
  mastodon: { app: MastodonApp; random: Session[] };
  log: (line: string) => void;
}

export interface Row {
  case: string;
  /** Field by field medians over the runs (counts summed). */
  load: Load;
  /** Each measured run, in the order they ran (compared cases ran in turns). */
  runs: Load[];
  /** The server's peak RSS during this scenario, MiB. */
  peakRssMiB: number;
  note?: string;
}

export interface TargetResult {
  target: string;
  measured: number;
  comparison: '≥' | '≤' | '=';
  threshold: number;
  unit: string;
  pass: boolean;
}

export interface ScenarioResult {
  id: number;
  title: string;
  rows: Row[];
  figures: Record<string, number>;
  targets: TargetResult[];
}

export const timelinePath = `/trpc/timeline.home?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`;
/** Concurrency of the timeline scenarios and their ceiling (the target's "at concurrency 4"). */
export const timelineConcurrency = 4;

export function check(
  target: string,
  measured: number,
  comparison: TargetResult['comparison'],
  threshold: number,
  unit = '',
): TargetResult {
  const pass =
    comparison === '≥' ? measured >= threshold : comparison === '≤' ? measured <= threshold : measured === threshold;
  return { target, measured, comparison, threshold, unit, pass };
}

export const query = async (orm: Orm, sql: string, params: unknown[] = []) =>
  (await sqlEm(orm).fork().execute(sql, params)) as Record<string, unknown>[];

/** Round-robin over sessions: each request carries the next user's token. */
export function rotate(sessions: Session[], path: (s: Session) => string = () => timelinePath) {
  let i = 0;
  return () => {
    const session = sessions[i++ % sessions.length] as Session;
    return { path: path(session), headers: { authorization: `Bearer ${session.token}` } };
  };
}

/** `tweet.create` requests from `sessions` in turn, the n-th with `text(n)`. */
export function tweetRequests(sessions: Session[], text: (n: number) => string) {
  let n = 0;
  return () => {
    const session = sessions[n % sessions.length] as Session;
    return {
      path: '/trpc/tweet.create',
      headers: { authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ text: text(n++) }),
    };
  };
}

export async function withPeakRss<T>(servers: ServerProcess[], run: () => Promise<T>): Promise<[T, number]> {
  for (const server of servers) server.resetPeak();
  const result = await run();
  return [result, Math.max(...servers.map((s) => s.peakRss().sinceReset))];
}

export const row = (label: string, measured: Measured, peakRssMiB: number, note?: string): Row => ({
  case: label,
  load: measured.median,
  runs: measured.runs,
  peakRssMiB,
  ...(note ? { note } : {}),
});

/**
 * A freshly started server serves a quarter fewer requests in its first half minute than later (V8
 * compiling its hot code, the heap growing to its working size): each is warmed up before any case
 * is measured, so that the first case is not measured on a cold server.
 */
export async function warmUpServers(ctx: BenchContext): Promise<void> {
  const servers = [
    [ctx.large.server, ctx.large],
    [ctx.small.server, ctx.small],
    ...[ctx.single, ctx.multi]
      .filter((server) => server !== ctx.large.server)
      .map((server) => [server, ctx.large] as const),
  ] as const;
  for (const [server, target] of servers) {
    const load = await http({
      baseUrl: server.url,
      connections: timelineConcurrency,
      next: rotate(target.random),
    })(ctx.timing.serverWarmupSeconds);
    if (load.non2xx || load.errors) throw new Error(`warm-up of ${server.url}: ${JSON.stringify(load)}`);
  }
}

/** An API runner measured alone, or in turns with its statements through the SQL ceiling. */
export interface CeilingMeasurement {
  api: Measured;
  /** The API's row, with the server's peak RSS. */
  row(label: string): Row;
  /** With a ceiling: the API's throughput over the ceiling's, and the ceiling's row. */
  ceiling?: { ratio: number; row(label: string): Row };
}

export async function measureWithCeiling(
  ctx: BenchContext,
  server: ServerProcess,
  api: Runner,
  ceiling: SqlCeiling | null,
  statements: string[][],
): Promise<CeilingMeasurement> {
  const [measured, rss] = await withPeakRss([server], async () =>
    ceiling
      ? await measureTogether(ctx.timing, { api, sql: ceiling.runner(statements, timelineConcurrency) })
      : { ...(await measureTogether(ctx.timing, { api })), sql: undefined },
  );
  const { sql } = measured;
  const perRequest = statements.reduce((n, s) => n + s.length, 0) / Math.max(1, statements.length);
  return {
    api: measured.api,
    row: (label) => row(label, measured.api, rss),
    ...(sql
      ? {
          ceiling: {
            ratio: medianRatio(measured.api, sql),
            row: (label: string) => row(label, sql, 0, `${perRequest.toFixed(1)} statements per request`),
          },
        }
      : {}),
  };
}

/** 1 and 2: timeline.home for three kinds of reader, each against its SQL ceiling. */
export async function timelineScenarios(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { large } = ctx;
  const groups = [
    ['random users', large.random],
    ['2,000-followee user', [large.heavy]],
    ['3-quiet-followee user', [large.quiet]],
  ] as const;
  const api: ScenarioResult = {
    id: 1,
    title: 'timeline.home (limit 20), concurrency 4',
    rows: [],
    figures: {},
    targets: [],
  };
  const sql: ScenarioResult = {
    id: 2,
    title: 'SQL ceiling of timeline.home: the same statements through a mysql2 pool, no HTTP',
    rows: [],
    figures: {},
    targets: [],
  };
  for (const [label, sessions] of groups) {
    ctx.log(`  timeline.home: ${label}`);
    const statements = ctx.ceiling
      ? await captureSql(
          large.orm,
          ctx.auth,
          sessions,
          (caller) => caller.timeline.home({ limit: 20 }),
          (s) => s.token,
        )
      : [];
    const apiRunner = http({
      baseUrl: large.server.url,
      connections: timelineConcurrency,
      next: rotate([...sessions]),
    });
    const measured = await measureWithCeiling(ctx, large.server, apiRunner, ctx.ceiling, statements);
    api.rows.push(measured.row(label));
    api.figures[`${label} p50 ms`] = measured.api.median.p50;
    api.figures[`${label} p99 ms`] = measured.api.median.p99;
    if (label !== 'random users') {
      api.targets.push(check(`${label}: p99 at concurrency 4`, measured.api.median.p99, '≤', 50, 'ms'));
    }
    if (measured.ceiling) {
      sql.rows.push(measured.ceiling.row(label));
      sql.figures[`${label}: API / ceiling`] = measured.ceiling.ratio;
      sql.targets.push(check(`${label}: API throughput / SQL ceiling`, measured.ceiling.ratio, '≥', 0.5));
    }
  }
  return ctx.ceiling ? [api, sql] : [api];
}

/** 6: the same timeline reads on the large profile and the small one, measured in turns. */
export async function scaleScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  scale: large vs small profile');
  const { large, small } = ctx;
  const [measured, rss] = await withPeakRss([large.server, small.server], () =>
    measureTogether(ctx.timing, {
      large: http({ baseUrl: large.server.url, connections: timelineConcurrency, next: rotate(large.random) }),
      small: http({ baseUrl: small.server.url, connections: timelineConcurrency, next: rotate(small.random) }),
    }),
  );
  // Whole-millisecond latencies: a 0 ms p50 on the small profile would make any ratio infinite.
  const p50 = medianRatio(measured.large, measured.small, 'p50');
  const p99 = medianRatio(measured.large, measured.small, 'p99');
  return {
    id: 6,
    title: 'Scale: timeline.home for random users, large profile against small',
    rows: [row(`large (${large.profile})`, measured.large, rss), row(`small (${small.profile})`, measured.small, rss)],
    figures: { 'p50 large / small': p50, 'p99 large / small': p99 },
    targets: [check('large-profile p50 / small-profile p50', p50, '≤', 1.5)],
  };
}

/** 4: ten user.byId calls in one batched request against ten separate requests. */
export async function batchingScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  batching: 10 × user.byId');
  const { large } = ctx;
  let n = 0;
  const userId = () => 6 + ((n++ * 2_654_435_761) % (large.users - 5));
  const single = () => ({ path: `/trpc/user.byId?input=${encodeURIComponent(JSON.stringify({ userId: userId() }))}` });
  const batched = () => {
    const input = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { userId: userId() }]));
    return {
      path: `/trpc/${Array(10).fill('user.byId').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`,
    };
  };
  const [measured, rss] = await withPeakRss([large.server], () =>
    measureTogether(ctx.timing, {
      batched: http({ baseUrl: large.server.url, connections: 1, next: batched }),
      sequential: http({ baseUrl: large.server.url, connections: 1, next: single }),
      concurrent: http({ baseUrl: large.server.url, connections: 10, next: single }),
    }),
  );
  // Calls per second: a batched request carries ten.
  const vsSequential = medianRatio(measured.batched, measured.sequential) * 10;
  const vsConcurrent = medianRatio(measured.batched, measured.concurrent) * 10;
  return {
    id: 4,
    title: 'Batching: 10 user.byId calls in one request against 10 separate requests',
    rows: [
      row('1 batched request of 10 calls, 1 connection', measured.batched, rss, 'req/s × 10 = calls/s'),
      row('10 separate requests, sequential (1 connection)', measured.sequential, rss),
      row('10 separate requests, concurrent (10 connections)', measured.concurrent, rss),
    ],
    figures: { 'batched / sequential (calls/s)': vsSequential, 'batched / concurrent (calls/s)': vsConcurrent },
    targets: [check('batched request / 10 sequential requests', vsSequential, '≥', 3)],
  };
}

/** 5: logins per second against bcrypt.compare per second at the same cost, same concurrency. */
export async function loginScenario(ctx: BenchContext, password: string): Promise<ScenarioResult> {
  ctx.log('  auth.login vs bcrypt.compare');
  const { large } = ctx;
  const [hashRow] = await large.orm.em
    .fork()
    .getConnection()
    .execute('select hashed_password from users where id = ?', [10]);
  const hash = String(hashRow?.hashed_password);
  const concurrency = 4;
  let n = 0;
  const [measured, rss] = await withPeakRss([large.server], () =>
    measureTogether(ctx.timing, {
      login: http({
        baseUrl: large.server.url,
        connections: concurrency,
        method: 'POST',
        next: () => ({
          path: '/trpc/auth.login',
          body: JSON.stringify({ email: `user${6 + ((n++ * 7_919) % (large.users - 5))}@bench.miniter`, password }),
        }),
      }),
      bcrypt: closedLoop(concurrency, async () => {
        if (!(await bcrypt.compare(password, hash))) throw new Error('the seeded hash does not match');
      }),
    }),
  );
  const ratio = medianRatio(measured.login, measured.bcrypt);
  return {
    id: 5,
    title: `auth.login against bcrypt.compare (cost ${ctx.auth.bcryptCost}), concurrency ${concurrency}`,
    rows: [row('auth.login over HTTP', measured.login, rss), row('bcrypt.compare in process', measured.bcrypt, 0)],
    figures: { 'logins / bcrypt ceiling': ratio },
    targets: [check('logins per second / bcrypt.compare per second', ratio, '≥', 0.8)],
  };
}

/** 7: health.ping through express + tRPC against the bare express route GET /healthz. */
export async function overheadScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  framework overhead: health.ping vs /healthz');
  const { large } = ctx;
  const [measured, rss] = await withPeakRss([large.server], () =>
    measureTogether(ctx.timing, {
      trpc: http({
        baseUrl: large.server.url,
        connections: timelineConcurrency,
        next: () => ({ path: '/trpc/health.ping' }),
      }),
      bare: http({ baseUrl: large.server.url, connections: timelineConcurrency, next: () => ({ path: '/healthz' }) }),
    }),
  );
  return {
    id: 7,
    title: 'Framework overhead: health.ping through tRPC against the bare express route /healthz',
    rows: [row('GET /trpc/health.ping', measured.trpc, rss), row('GET /healthz', measured.bare, rss)],
    figures: { 'tRPC / bare express (req/s)': medianRatio(measured.trpc, measured.bare) },
    targets: [],
  };
}

/**
 * 3: tweet.create from many users over 8 connections, and over 32 as the book's side-by-side sends
 * them (`../shared/peers/book-side-by-side`), to the server as `pnpm start` runs it: every row written
 * through the API, sequenced into the live timeline's log. Then every acknowledged tweet must be
 * stored exactly once.
 */
export async function tweetCreateScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  tweet.create from many users');
  const { large } = ctx;
  const tag = `bench-${Date.now().toString(36)}`;
  const acknowledged = new Map<number, string>();
  // One sequence for both cases: every text is another.
  const next = tweetRequests(large.random, (n) => `${tag} #${n} 벤치마크 🚀`);
  const creating = (connections: number) =>
    http({
      baseUrl: large.server.url,
      connections,
      method: 'POST',
      next,
      onResponse: (status, body) => {
        if (status !== 200) return;
        const tweet = (JSON.parse(body) as { result: { data: { id: number; text: string } } }).result.data;
        acknowledged.set(tweet.id, tweet.text);
      },
    });
  const [measured, rss] = await withPeakRss([large.server], () =>
    measureTogether(ctx.timing, { eight: creating(8), thirtyTwo: creating(32) }),
  );
  const stored = await query(large.orm, 'select id, tweet from tweets where tweet like ?', [`${tag} #%`]);
  const storedIds = new Map(stored.map((r) => [Number(r.id), String(r.tweet)]));
  const lost = [...acknowledged].filter(([id, text]) => storedIds.get(id) !== text).length;
  const texts = stored.map((r) => String(r.tweet));
  const doubled = texts.length - new Set(texts).size;
  const unacknowledged = [...storedIds.keys()].filter((id) => !acknowledged.has(id)).length;
  return {
    id: 3,
    title: `tweet.create from many users on WORKERS' default (${ctx.workers} here), then a check of the database`,
    rows: [
      row('tweet.create, 8 connections', measured.eight, rss),
      row(
        'tweet.create, 32 connections (the side-by-side’s)',
        measured.thirtyTwo,
        rss,
        `${acknowledged.size} acknowledged, ${stored.length} stored, ${unacknowledged} stored but unacknowledged`,
      ),
    ],
    figures: { acknowledged: acknowledged.size, stored: stored.length, lost, doubled },
    targets: [check('acknowledged tweets lost', lost, '=', 0), check('tweets stored twice', doubled, '=', 0)],
  };
}

/** The most `pnpm start` may hold at its peak, every process it leaves running together (pnpm included). */
const treePeakRssMax = 250;

/**
 * 15: the peak resident memory of everything `pnpm start` left running for the default server
 * (pnpm, the server's processes), each and summed, once every other scenario has loaded it.
 */
export function processTreeScenario(ctx: BenchContext): ScenarioResult {
  const { total, processes } = ctx.large.server.treePeakRss();
  ctx.log(`  pnpm start's process tree: ${total.toFixed(1)} MiB at its peak`);
  const none = {
    rps: Number.NaN,
    p50: Number.NaN,
    p90: Number.NaN,
    p99: Number.NaN,
    requests: 0,
    non2xx: 0,
    status5xx: 0,
    errors: 0,
  };
  return {
    id: 15,
    title: `\`pnpm start\`'s whole process tree (WORKERS' default: ${ctx.workers} here), peak RSS after every other scenario`,
    rows: processes.map((p) => ({
      case: p.command.replace(/^\S*\//, '').slice(0, 80),
      load: none,
      runs: [],
      peakRssMiB: p.peakMiB,
    })),
    figures: { 'process tree peak RSS (MiB)': total },
    targets: [check('pnpm start process tree peak RSS', total, '≤', treePeakRssMax, 'MiB')],
  };
}

/**
 * 8: one server process against several (whichever is not the default is started for it), in turns,
 * for the fixed cost of a call (health.ping, user.byId), writes (tweet.create, follow.follow,
 * follow.unfollow) and reads (timeline.home), at 32 connections. Afterwards every acknowledged
 * follow and unfollow must hold.
 */
export async function processesScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { large, single, multi } = ctx;
  ctx.log(`  processes: 1 against ${multi.workers}`);
  const connections = 32;
  let n = 0;
  const signedIn = (session: Session) => ({ authorization: `Bearer ${session.token}` });
  // Follows go to pairs never used before, so that each acknowledgement can be checked alone.
  let pairs = 0;
  const newPair = (): [Session, number] => {
    const session = large.random[pairs % large.random.length] as Session;
    const followee = 6 + (Math.floor(pairs++ / large.random.length) % (large.users - 6));
    return [session, followee >= session.userId ? followee + 1 : followee];
  };
  const acknowledged = new Map<string, boolean>();
  // Requests still in flight when a run ends are never answered, though the server may act on them.
  const unanswered = new Set<string>();
  const toUnfollow: [Session, number][] = [];
  const key = ([session, followee]: [Session, number]) => `${session.userId},${followee}`;
  const follows = (following: boolean) => (baseUrl: string) =>
    http({
      baseUrl,
      connections,
      method: 'POST',
      next: (connection) => {
        const pair = (!following && toUnfollow.shift()) || newPair();
        connection.pair = pair;
        unanswered.add(key(pair));
        return {
          path: `/trpc/follow.${following ? 'follow' : 'unfollow'}`,
          headers: signedIn(pair[0]),
          body: JSON.stringify({ userId: pair[1] }),
        };
      },
      onResponse: (status, _body, connection) => {
        const pair = connection.pair as [Session, number];
        unanswered.delete(key(pair));
        if (status !== 200) return;
        acknowledged.set(key(pair), following);
        if (following) toUnfollow.push(pair);
      },
    });
  const cases: Record<string, (baseUrl: string) => Runner> = {
    'health.ping': (baseUrl) => http({ baseUrl, connections, next: () => ({ path: '/trpc/health.ping' }) }),
    'user.byId': (baseUrl) =>
      http({
        baseUrl,
        connections,
        next: () => ({
          path: `/trpc/user.byId?input=${encodeURIComponent(JSON.stringify({ userId: 6 + (n++ % (large.users - 5)) }))}`,
        }),
      }),
    'tweet.create': (baseUrl) =>
      http({
        baseUrl,
        connections,
        method: 'POST',
        next: tweetRequests(large.random, (k) => `processes #${k} 🚀`),
      }),
    'follow.follow': follows(true),
    'follow.unfollow': follows(false),
    'timeline.home': (baseUrl) => http({ baseUrl, connections, next: rotate(large.random) }),
  };
  const result: ScenarioResult = {
    id: 8,
    title: `One server process against ${multi.workers} (WORKERS' default: ${ctx.workers} here), ${connections} connections`,
    rows: [],
    figures: {},
    targets: [],
  };
  for (const [label, runner] of Object.entries(cases)) {
    const [measured, rss] = await withPeakRss([single, multi], () =>
      measureTogether(ctx.timing, { one: runner(single.url), many: runner(multi.url) }),
    );
    const speedUp = medianRatio(measured.many, measured.one);
    result.rows.push(row(`${label}, 1 process`, measured.one, rss));
    result.rows.push(row(`${label}, ${multi.workers} processes`, measured.many, rss, `× ${speedUp.toFixed(2)}`));
    result.figures[`${label}: ${multi.workers} processes / 1`] = speedUp;
  }
  const stored = await query(
    large.orm,
    `select concat(user_id, ',', follow_user_id) as pair from users_follow_list where user_id in (${large.random.map((s) => s.userId).join(', ')})`,
  );
  const present = new Set(stored.map((r) => String(r.pair)));
  const lost = [...acknowledged].filter(
    ([pair, following]) => !unanswered.has(pair) && present.has(pair) !== following,
  ).length;
  result.figures['follow pairs acknowledged'] = acknowledged.size;
  result.figures['follow pairs left in flight at the end of a run'] = unanswered.size;
  result.targets.push(check('acknowledged follows and unfollows not in effect', lost, '=', 0));
  return result;
}

/**
 * 9 (MySQL): tweet.create on one server process against its SQL ceiling, the same statements (the
 * session check and the insert) replayed through a mysql2 pool at the same concurrency.
 */
/**
 * `run`, then the live timeline's log numbered to its end before the next turn starts: the ceiling's
 * turn writes faster than a hub numbers events when nothing wakes it (four pages of 1,000 a second),
 * and its backlog is not the next turn's work.
 */
const sequencedAfter =
  (orm: Orm, run: Runner): Runner =>
  async (seconds) => {
    const load = await run(seconds);
    const em = sqlEm(orm).fork();
    while (await hasUnsequencedEvents(em)) await sequenceEvents(em);
    return load;
  };

export async function writeCeilingScenario(ctx: BenchContext, ceiling: SqlCeiling): Promise<ScenarioResult> {
  ctx.log('  tweet.create against its SQL ceiling');
  const { large, single } = ctx;
  const connections = 8;
  const statements = await captureSql(
    large.orm,
    ctx.auth,
    large.random,
    (caller) => caller.tweet.create({ text: 'the SQL ceiling of a write ✍️' }),
    (s) => s.token,
  );
  const [measured, rss] = await withPeakRss([single], () =>
    measureTogether(ctx.timing, {
      api: sequencedAfter(
        large.orm,
        http({
          baseUrl: single.url,
          connections,
          method: 'POST',
          next: tweetRequests(large.random, (n) => `ceiling #${n} ✍️`),
        }),
      ),
      sql: sequencedAfter(large.orm, ceiling.runner(statements, connections)),
    }),
  );
  const ratio = medianRatio(measured.api, measured.sql);
  const perRequest = statements.reduce((k, s) => k + s.length, 0) / Math.max(1, statements.length);
  return {
    id: 9,
    title: `tweet.create on one process against its SQL ceiling, ${connections} connections`,
    rows: [
      row('tweet.create over HTTP, 1 process', measured.api, rss),
      row('the same statements through mysql2', measured.sql, 0, `${perRequest.toFixed(1)} statements per request`),
    ],
    figures: { 'API / ceiling': ratio },
    targets: [check('tweet.create throughput / SQL ceiling, 1 process', ratio, '≥', 0.5)],
  };
}
