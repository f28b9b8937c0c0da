/**
 * 18: a thread of 1,000 replies read with `tweet.context` (the target: p99 ≤ 50 ms at concurrency
 * 4). The thread is written through the API first, reply by reply, as people write one:
 * a random tree where each reply answers a random earlier tweet of the thread, biased toward the root
 * (30% answer it, 25% the reply just before, which makes chains, the rest any earlier tweet of the
 * thread, drawn from a fixed seed). Then it is read at concurrency 4 by the random users, signed in:
 * from its root (the first page of descendants, the default 60) and from its deepest replies (their
 * ancestors, up to the root), each against its statements through mysql2 (the SQL ceiling, as in
 * scenario 2), in turns. Afterwards every tweet's reply count must equal its replies, paging
 * through the thread must give every reply once in the order built here, and the thread goes.
 */

import { captureSql } from './ceiling.ts';
import { issuedTokens } from './mastodon.ts';
import { http } from './measure.ts';
import {
  type BenchContext,
  check,
  measureWithCeiling,
  query,
  type ScenarioResult,
  type Session,
  timelineConcurrency,
} from './scenarios.ts';

const replyCount = 1_000;
/** Who writes the thread: distinct users, each with an OAuth token of the bench's app. */
const writerCount = 200;
/** Shares of replies that answer the root and the reply just before; the rest answer any earlier tweet. */
const shape = { root: 0.3, previous: 0.25 };
/** Deepest replies read in turn for their ancestors. */
const deepReplies = 8;

/** mulberry32: the same thread on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Written {
  id: number;
  depth: number;
  parent: number | null;
}

type TrpcAnswer<T> = { result: { data: T } };
interface ContextAnswer {
  tweet: { id: number };
  ancestors: { id: number }[];
  descendants: { id: number; depth: number }[];
  nextCursor: string | null;
}

const contextPath = (input: { tweetId: number; cursor?: string; limit?: number }) =>
  `/trpc/tweet.context?input=${encodeURIComponent(JSON.stringify(input))}`;

export async function threadScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { large } = ctx;
  const server = large.server;
  ctx.log(`  tweet.context: writing a thread of ${replyCount.toLocaleString('en')} replies`);
  // Writers spread over the users (the known ones aside), each with a token.
  const writerIds = Array.from({ length: Math.min(writerCount, large.users - 5) }, (_, i) =>
    Math.min(large.users, 6 + Math.floor((i * (large.users - 5)) / writerCount)),
  );
  const writers = await issuedTokens(large.orm, ctx.mastodon.app, [...new Set(writerIds)]);
  const random = seeded(18);
  let failed = 0;
  /** The new tweet's id; null when the API refused it (counted, and the thread goes on without it). */
  const post = async (writer: Session, text: string, inReplyToId?: number): Promise<number | null> => {
    const response = await fetch(`${server.url}/trpc/tweet.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
      body: JSON.stringify({ text, ...(inReplyToId ? { inReplyToId } : {}) }),
    });
    if (response.ok) return ((await response.json()) as TrpcAnswer<{ id: number }>).result.data.id;
    failed++;
    ctx.log(`  tweet.create: ${response.status} ${await response.text()}`);
    return null;
  };
  const writerAt = () => writers[Math.floor(random() * writers.length)] as Session;
  const started = performance.now();
  const rootId = await post(writerAt(), 'A thread for the bench 🧵 스레드');
  if (rootId === null) throw new Error("tweet.create refused the thread's root");
  const root: Written = { id: rootId, depth: 0, parent: null };
  const thread: Written[] = [root];
  try {
    for (let k = 1; k <= replyCount; k++) {
      const x = random();
      const parent = (
        x < shape.root
          ? root
          : x < shape.root + shape.previous
            ? thread.at(-1)
            : thread[Math.floor(random() * thread.length)]
      ) as Written;
      const id = await post(writerAt(), `reply #${k} to ${parent.id} 답글 💬`, parent.id);
      if (id !== null) thread.push({ id, depth: parent.depth + 1, parent: parent.id });
    }
    const writeSeconds = (performance.now() - started) / 1000;
    const replies = thread.slice(1);
    const depthMax = Math.max(...replies.map((r) => r.depth));
    const direct = replies.filter((r) => r.depth === 1).length;
    ctx.log(
      `  thread ${root.id}: ${replies.length} replies in ${writeSeconds.toFixed(1)} s, ${direct} to the root, ` +
        `${depthMax} deep at most`,
    );
    const ids = thread.map((t) => t.id).join(', ');

    // Every count right: each tweet's reply_count equals its replies.
    const [counts] = await query(
      large.orm,
      'select count(*) as tweets, coalesce(sum(coalesce(s.reply_count, 0)), 0) as counted, ' +
        'coalesce(sum(coalesce(s.reply_count, 0) <> (select count(*) from tweets r where r.in_reply_to_id = t.id)), 0) as wrong ' +
        `from tweets t left join tweet_stats s on s.tweet_id = t.id where t.id in (${ids})`,
    );
    // Paged through (the largest page, 200), every reply once, depth first as built here.
    const expected = depthFirst(thread);
    const paged: { id: number; depth: number }[] = [];
    for (let cursor: string | undefined, pages = 0; pages < 100; pages++) {
      const response = await fetch(
        `${server.url}${contextPath({ tweetId: root.id, limit: 200, ...(cursor ? { cursor } : {}) })}`,
      );
      const page = ((await response.json()) as TrpcAnswer<ContextAnswer>).result.data;
      paged.push(...page.descendants.map(({ id, depth }) => ({ id, depth })));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const misplaced =
      Math.abs(paged.length - expected.length) +
      expected.filter((e, i) => paged[i]?.id !== e.id || paged[i]?.depth !== e.depth).length;

    // The deepest replies, each read for its ancestors (the whole chain up to the root).
    const deepest = [...replies].sort((a, b) => b.depth - a.depth || a.id - b.id).slice(0, deepReplies);
    const cases = [
      {
        label: `the root (${replies.length.toLocaleString('en')} replies below, ${direct} direct, ${depthMax} deep; first page of 60)`,
        key: 'root',
        requests: large.random.map((session) => ({ session, tweetId: root.id })),
      },
      {
        label: `its ${deepest.length} deepest replies in turn (${deepest.at(-1)?.depth} to ${deepest[0]?.depth} ancestors each)`,
        key: 'deep reply',
        requests: large.random.map((session, i) => ({
          session,
          tweetId: (deepest[i % deepest.length] as Written).id,
        })),
      },
    ] as const;
    const result: ScenarioResult = {
      id: 18,
      title: `tweet.context (default limit, 60) of a thread of ${replyCount.toLocaleString('en')} replies, signed in, concurrency ${timelineConcurrency}`,
      rows: [],
      figures: {
        'replies to the root': direct,
        'deepest reply (depth)': depthMax,
        'thread written through the API (s)': writeSeconds,
      },
      targets: [],
    };
    for (const { label, key, requests } of cases) {
      ctx.log(`  tweet.context: ${key}`);
      const statements = ctx.ceiling
        ? await captureSql(
            large.orm,
            ctx.auth,
            requests,
            (caller, request) => caller.tweet.context({ tweetId: request.tweetId }),
            (request) => request.session.token,
          )
        : [];
      let i = 0;
      const api = http({
        baseUrl: server.url,
        connections: timelineConcurrency,
        next: () => {
          const request = requests[i++ % requests.length] as (typeof requests)[number];
          return {
            path: contextPath({ tweetId: request.tweetId }),
            headers: { authorization: `Bearer ${request.session.token}` },
          };
        },
      });
      const measured = await measureWithCeiling(ctx, server, api, ctx.ceiling, statements);
      const note =
        key === 'root' ? `${Number(counts?.counted)} replies counted on ${Number(counts?.tweets)} tweets` : '';
      result.rows.push({ ...measured.row(label), ...(note ? { note } : {}) });
      result.figures[`${key}: p50 ms`] = measured.api.median.p50;
      result.figures[`${key}: p99 ms`] = measured.api.median.p99;
      result.targets.push(check(`tweet.context, ${key}: p99 at concurrency 4`, measured.api.median.p99, '≤', 50, 'ms'));
      if (measured.ceiling) {
        result.rows.push(measured.ceiling.row(`${key}: the same statements through mysql2`));
        result.figures[`${key}: API / ceiling`] = measured.ceiling.ratio;
      }
    }
    result.figures['tweets whose reply count is not their replies'] = Number(counts?.wrong);
    result.targets.push(
      check('thread replies refused or failed', failed, '=', 0),
      check('thread tweets whose reply count is not their replies', Number(counts?.wrong), '=', 0),
      check('thread replies missing or out of place, paged through', misplaced, '=', 0),
    );
    return result;
  } finally {
    // The thread goes (its counts, and what it counted, with it), so that a later run finds the data as seeded.
    await query(large.orm, `delete from tweets where id in (${thread.map((t) => t.id).join(', ')})`);
  }
}

/** The replies below the thread's root, depth first, each one's replies oldest first (as `tweet.context` orders them). */
function depthFirst(thread: Written[]): { id: number; depth: number }[] {
  const children = new Map<number, Written[]>();
  for (const tweet of thread) {
    if (tweet.parent === null) continue;
    const siblings = children.get(tweet.parent);
    if (siblings) siblings.push(tweet);
    else children.set(tweet.parent, [tweet]);
  }
  const order: { id: number; depth: number }[] = [];
  const visit = (id: number) => {
    for (const child of (children.get(id) ?? []).sort((a, b) => a.id - b.id)) {
      order.push({ id: child.id, depth: child.depth });
      visit(child.id);
    }
  };
  visit((thread[0] as Written).id);
  return order;
}
