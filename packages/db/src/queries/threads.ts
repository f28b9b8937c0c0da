/**
 * A tweet's thread: what it answers, up the chain (its ancestors), and the replies below it, as a
 * tree flattened depth first (its descendants). Two statements: the thread's ids, walked by
 * recursive queries over `tweets (in_reply_to_id, id)` and the primary key, then the rows of the
 * ancestors and of one page of descendants.
 */
import type { EntityManager } from '@mikro-orm/sql';
import { encodeCursor } from '../pagination.ts';
import { readConnection } from '../replicas.ts';
import type { TweetData } from './read-models.ts';
import { findTweetsById } from './timeline.ts';

/** How far up a thread is read: a conversation longer than this shows its last ones. */
export const ancestorsMax = 100;
/** How deep below a tweet replies are read, and how many at most (as Mastodon's cap of 4,096). */
export const descendantsDepthMax = 100;
export const descendantsMax = 4_000;

export interface ThreadQuery {
  tweetId: number;
  /** The descendants' page: after this one (`[position, id]` of the last shown), at most `limit`. */
  after?: readonly [number, number] | undefined;
  limit: number;
  readerId?: number | undefined;
}

/** A reply below the thread's tweet, `depth` replies down (1: it answers the tweet). */
export type Descendant = TweetData & { depth: number };

export interface Thread {
  tweet: TweetData;
  /** Oldest first, up to what the tweet answers. A deleted tweet ends the chain. */
  ancestors: TweetData[];
  /** Depth first, each reply's replies oldest first below it. */
  descendants: Descendant[];
  /** After the last descendant shown (`[position, id]`, encoded); null at the end. */
  nextCursor: string | null;
}

/** `tweetId`'s thread; null when the tweet does not exist. */
export async function findThread(em: EntityManager, query: ThreadQuery): Promise<Thread | null> {
  const rows = await em.execute(
    'with recursive ' +
      'up (id, depth) as (select in_reply_to_id, 1 from tweets where id = ? union all ' +
      'select t.in_reply_to_id, up.depth + 1 from up join tweets as t on t.id = up.id where up.depth < ?), ' +
      'down (id, parent, depth) as (select id, in_reply_to_id, 1 from tweets where in_reply_to_id = ? union all ' +
      'select t.id, t.in_reply_to_id, down.depth + 1 from down join tweets as t on t.in_reply_to_id = down.id ' +
      'where down.depth < ?) ' +
      "select id, null as parent, 'self' as kind from tweets where id = ? " +
      "union all select id, null, 'up' from up where id is not null " +
      `union all select * from (select id, parent, 'down' from down limit ${descendantsMax}) as d`,
    [query.tweetId, ancestorsMax, query.tweetId, descendantsDepthMax, query.tweetId],
    { connectionType: readConnection(em) },
  );
  if (!rows.some((row) => row.kind === 'self')) return null;
  const up = rows.filter((row) => row.kind === 'up').map((row) => Number(row.id));
  const order = depthFirst(
    query.tweetId,
    rows.filter((row) => row.kind === 'down').map((row) => ({ id: Number(row.id), parent: Number(row.parent) })),
  );
  const start = query.after ? resumeAt(order, query.after) : 0;
  const page = order.slice(start, start + query.limit);
  const tweets = await findTweetsById(em, [query.tweetId, ...up, ...page.map((entry) => entry.id)], query.readerId);
  const tweet = tweets.get(query.tweetId);
  // Deleted between the two statements.
  if (!tweet) return null;
  // Up the chain until a tweet that is gone (deleted since its reply was written).
  const ancestors: TweetData[] = [];
  for (const id of up) {
    const ancestor = tweets.get(id);
    if (!ancestor) break;
    ancestors.unshift(ancestor);
  }
  const descendants = page.flatMap((entry) => {
    const found = tweets.get(entry.id);
    return found ? [{ ...found, depth: entry.depth }] : [];
  });
  const last = page.at(-1);
  const more = start + page.length < order.length;
  return {
    tweet,
    ancestors,
    descendants,
    nextCursor: more && last ? encodeCursor([start + page.length, last.id]) : null,
  };
}

type Entry = { id: number; depth: number };

/** The replies below `rootId`, depth first, each one's replies oldest first. */
function depthFirst(rootId: number, replies: Array<{ id: number; parent: number }>): Entry[] {
  const children = new Map<number, number[]>();
  for (const { id, parent } of replies) {
    const siblings = children.get(parent);
    if (siblings) siblings.push(id);
    else children.set(parent, [id]);
  }
  const order: Entry[] = [];
  const visit = (id: number, depth: number) => {
    for (const child of (children.get(id) ?? []).sort((a, b) => a - b)) {
      order.push({ id: child, depth });
      visit(child, depth + 1);
    }
  };
  visit(rootId, 1);
  return order;
}

/**
 * Where a page after `[position, id]` starts: just after that reply, wherever replies written since
 * have moved it; at its old position if it was deleted meanwhile.
 */
function resumeAt(order: Entry[], [position, id]: readonly [number, number]): number {
  const found = order.findIndex((entry) => entry.id === id);
  return found >= 0 ? found + 1 : Math.min(position, order.length);
}
