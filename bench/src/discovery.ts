/**
 * Scenarios of finding people and tweets: `user.search` on the search data set (100,000 users) for
 * each kind of query people type, the public timeline, and suggestions for the 2,000-followee user.
 */
import type { Orm } from '@miniter/db';
import { captureSql, type SqlCeiling } from './ceiling.ts';
import { type HttpRequest, http, type Runner } from './measure.ts';
import {
  type BenchContext,
  check,
  measureWithCeiling,
  query,
  rotate,
  type ScenarioResult,
  timelineConcurrency,
} from './scenarios.ts';
import type { ServerProcess } from './server.ts';

/** The database `user.search` is measured on, with its server. */
export interface SearchTarget {
  profile: string;
  server: ServerProcess;
  orm: Orm;
  users: number;
  /** The SQL ceiling on this database (MySQL only). */
  ceiling: SqlCeiling | null;
  /** Started for this scenario: it takes the servers' warm-up first. */
  fresh: boolean;
}

/** Results per search, as the web app's type-ahead asks for them (every keystroke is one). */
export const searchLimit = 8;
/** Users the queries are drawn from (each gives one query of each kind it can). */
const sampledUsers = 200;

const searchKinds = ['handle prefixes', 'name prefixes', 'initial consonants'] as const;
type SearchKind = (typeof searchKinds)[number];

/** Requests in turn, round-robin. */
const cycle = (requests: HttpRequest[]) => {
  let i = 0;
  return () => requests[i++ % requests.length] as HttpRequest;
};
const trpcGet = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
/** The `i`-th of a deterministic spread of the ordinary users' ids (6 and above). */
const spreadId = (i: number, users: number) => 6 + ((i * 2_654_435_761) % (users - 5));

/**
 * Queries as people type them into the search box, drawn from seeded users and the terms their names
 * are stored with: prefixes of handles (1 to 6 characters or the whole handle, as stored, every fifth
 * with a leading `@`); prefixes of name words, Latin (2 letters up, every other one capitalized) and
 * Korean (1 syllable up, the given name without the family name too); and initial consonants (ㄱㅁ,
 * ㄱㅁㅈ, ㅁㅈ), of 2 or 3 letters.
 */
export async function searchQueries(orm: Orm, users: number): Promise<Record<SearchKind, string[]>> {
  const ids = [...new Set(Array.from({ length: sampledUsers }, (_, i) => spreadId(i, users)))];
  const handles = await query(orm, `select username from users where id in (${ids.join(', ')}) order by id`);
  const terms = (
    await query(orm, `select term from user_search_terms where user_id in (${ids.join(', ')}) order by user_id, term`)
  ).map((row) => String(row.term));
  const latin = terms.filter((term) => /^[a-z]{2,}$/.test(term));
  const hangul = terms.filter((term) => /^[\uac00-\ud7a3]+$/.test(term));
  const initials = terms.filter((term) => /^[\u3131-\u314e]{2,}$/.test(term));
  const prefix = (word: string, i: number, lengths: number[]) =>
    [...word].slice(0, lengths[i % lengths.length]).join('');
  return {
    'handle prefixes': handles.map((row, i) => {
      const handle = String(row.username);
      return `${i % 5 ? '' : '@'}${prefix(handle, i, [1, 2, 3, 4, 5, 6, handle.length])}`;
    }),
    'name prefixes': Array.from({ length: sampledUsers }, (_, i) => {
      if (i % 2) return prefix(hangul[(i >> 1) % hangul.length] as string, i >> 1, [1, 2, 3]);
      const word = prefix(latin[(i >> 1) % latin.length] as string, i >> 1, [2, 3, 4, 5]);
      return i % 4 ? word : word.charAt(0).toUpperCase() + word.slice(1);
    }),
    'initial consonants': Array.from({ length: sampledUsers }, (_, i) =>
      prefix(initials[i % initials.length] as string, i, [2, 3]),
    ),
  };
}

/** 12: user.search for each kind of query, each against the same statements through mysql2. */
export async function searchScenario(ctx: BenchContext, target: SearchTarget): Promise<ScenarioResult> {
  const queries = await searchQueries(target.orm, target.users);
  const requests = (list: string[]) =>
    list.map((query) => ({ path: trpcGet('user.search', { query, limit: searchLimit }) }));
  if (target.fresh) {
    ctx.log(`  user.search: warming up the server on ${target.profile}`);
    await http({
      baseUrl: target.server.url,
      connections: timelineConcurrency,
      next: cycle(requests(searchKinds.flatMap((kind) => queries[kind]))),
    })(ctx.timing.serverWarmupSeconds);
  }
  const result: ScenarioResult = {
    id: 12,
    title: `user.search (limit ${searchLimit}) on ${target.profile} (${target.users.toLocaleString('en')} users), concurrency ${timelineConcurrency}`,
    rows: [],
    figures: {},
    targets: [],
  };
  for (const kind of searchKinds) {
    ctx.log(`  user.search: ${kind}`);
    const statements = target.ceiling
      ? await captureSql(target.orm, ctx.auth, queries[kind], (caller, query) =>
          caller.user.search({ query, limit: searchLimit }),
        )
      : [];
    const api = http({
      baseUrl: target.server.url,
      connections: timelineConcurrency,
      next: cycle(requests(queries[kind])),
    });
    const measured = await measureWithCeiling(ctx, target.server, api, target.ceiling, statements);
    const examples = `${queries[kind].length} queries, e.g. ${queries[kind].slice(0, 4).join(' ')}`;
    result.rows.push(measured.row(`${kind} (${examples})`));
    result.figures[`${kind} p99 ms`] = measured.api.median.p99;
    result.targets.push(check(`user.search, ${kind}: p99 at concurrency 4`, measured.api.median.p99, '≤', 20, 'ms'));
    if (measured.ceiling) {
      result.rows.push(measured.ceiling.row(`${kind}: the same statements through mysql2`));
      result.figures[`${kind}: API / ceiling`] = measured.ceiling.ratio;
      result.targets.push(
        check(`user.search, ${kind}: API throughput / SQL ceiling`, measured.ceiling.ratio, '≥', 0.5),
      );
    }
  }
  return result;
}

/** Pages of the public timeline people scroll through: the first and those after it, by their cursors. */
async function publicTimelineCursors(baseUrl: string, pages: number): Promise<(string | undefined)[]> {
  const cursors: (string | undefined)[] = [undefined];
  while (cursors.length < pages) {
    const response = await fetch(`${baseUrl}${publicTimelinePath(cursors.at(-1))}`);
    if (!response.ok) throw new Error(`timeline.public: ${response.status} ${await response.text()}`);
    const { result } = (await response.json()) as { result: { data: { nextCursor: string | null } } };
    if (!result.data.nextCursor) break;
    cursors.push(result.data.nextCursor);
  }
  return cursors;
}

const publicTimelinePath = (cursor: string | undefined) =>
  trpcGet('timeline.public', { limit: 20, ...(cursor ? { cursor } : {}) });

/** 13: timeline.public, its first 24 pages in turn, against the same statements through mysql2. */
export async function publicTimelineScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  timeline.public');
  const { large } = ctx;
  const cursors = await publicTimelineCursors(large.server.url, 24);
  const statements = ctx.ceiling
    ? await captureSql(large.orm, ctx.auth, cursors, (caller, cursor) =>
        caller.timeline.public({ limit: 20, ...(cursor ? { cursor } : {}) }),
      )
    : [];
  const api: Runner = http({
    baseUrl: large.server.url,
    connections: timelineConcurrency,
    next: cycle(cursors.map((cursor) => ({ path: publicTimelinePath(cursor) }))),
  });
  const measured = await measureWithCeiling(ctx, large.server, api, ctx.ceiling, statements);
  return {
    id: 13,
    title: `timeline.public (limit 20), its first ${cursors.length} pages in turn, concurrency ${timelineConcurrency}`,
    rows: [
      measured.row('GET /trpc/timeline.public'),
      ...(measured.ceiling ? [measured.ceiling.row('the same statements through mysql2')] : []),
    ],
    figures: {
      'p99 ms': measured.api.median.p99,
      ...(measured.ceiling ? { 'API / ceiling': measured.ceiling.ratio } : {}),
    },
    targets: measured.ceiling
      ? [check('timeline.public: API throughput / SQL ceiling', measured.ceiling.ratio, '≥', 0.5)]
      : [],
  };
}

/** 14: user.suggestions (the default 10) for the user who follows 2,000 accounts. */
export async function suggestionsScenario(ctx: BenchContext): Promise<ScenarioResult> {
  ctx.log('  user.suggestions: 2,000-followee user');
  const { large } = ctx;
  const api = http({
    baseUrl: large.server.url,
    connections: timelineConcurrency,
    next: rotate([large.heavy], () => trpcGet('user.suggestions', {})),
  });
  const measured = await measureWithCeiling(ctx, large.server, api, null, []);
  return {
    id: 14,
    title: `user.suggestions (default limit), concurrency ${timelineConcurrency}`,
    rows: [measured.row('2,000-followee user')],
    figures: { 'p99 ms': measured.api.median.p99 },
    targets: [
      check('user.suggestions, 2,000-followee user: p99 at concurrency 4', measured.api.median.p99, '≤', 50, 'ms'),
    ],
  };
}
