import { type EntityManager, type QueryResult, SqlitePlatform } from '@mikro-orm/sql';

/** One logged change, in `seq` order (see `TimelineEvent`). */
export interface LiveEvent {
  seq: number;
  kind: 'tweet' | 'delete' | 'follow' | 'unfollow';
  /** The author (tweet, delete) or the follower (follow, unfollow). */
  userId: number;
  /** The tweet (tweet, delete) or the followee (follow, unfollow). */
  subjectId: number;
}

/** Where the log stands: the last `seq` given, and the highest pruned away. */
export interface LogPosition {
  lastSeq: number;
  prunedThrough: number;
}

const isSqlite = (em: EntityManager) => em.getPlatform() instanceof SqlitePlatform;
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
/** Events given a `seq` per sequencing transaction, and read (or pruned) per page. */
const batch = 1000;
/** Events found for pruning per reading of the log. */
const pruneBatch = 50_000;

export async function logPosition(em: EntityManager): Promise<LogPosition> {
  const [row] = await em.execute('select last_seq, pruned_through from timeline_sequence where id = 1');
  // No row: an emptied database (tests); the next sequencing adds it back.
  return { lastSeq: Number(row?.last_seq ?? 0), prunedThrough: Number(row?.pruned_through ?? 0) };
}

/** True when some committed event has no `seq` yet: one index probe, no lock. */
export async function hasUnsequencedEvents(em: EntityManager): Promise<boolean> {
  return (await em.execute('select 1 from timeline_events where seq is null limit 1')).length > 0;
}

/**
 * Gives the next `seq`s to the committed events without one, in `id` order, and returns the last
 * `seq` given. One sequencer at a time, across processes: the first statement takes the sequence
 * row's lock (MySQL) or SQLite's write lock, and holds it to the commit. Events committed after this
 * transaction's first read wait for the next one, so a reader that has seen `seq` n has seen every
 * lower one, whatever order their writers committed in.
 */
export async function sequenceEvents(em: EntityManager): Promise<number> {
  const last = await em.transactional(async (tx) => {
    await tx.execute('update timeline_sequence set last_seq = last_seq where id = 1', [], 'run');
    const [row] = await tx.execute('select last_seq from timeline_sequence where id = 1');
    if (!row) return null;
    const lastSeq = Number(row.last_seq);
    const pending = await tx.execute(`select id from timeline_events where seq is null order by id limit ${batch}`);
    if (!pending.length) return lastSeq;
    const ids = pending.map((event) => Number(event.id));
    await tx.execute(
      `update timeline_events set seq = case id ${ids.map(() => 'when ? then ?').join(' ')} end ` +
        `where id in (${placeholders(ids)})`,
      [...ids.flatMap((id, index) => [id, lastSeq + index + 1]), ...ids],
      'run',
    );
    await tx.execute('update timeline_sequence set last_seq = ? where id = 1', [lastSeq + ids.length], 'run');
    return lastSeq + ids.length;
  });
  if (last !== null) return last;
  // No sequence row yet (a new or emptied database): added outside any transaction, where racing
  // sequencers cannot deadlock on it, then sequenced again.
  const insert = isSqlite(em) ? 'insert or ignore' : 'insert ignore';
  await em.execute(`${insert} into timeline_sequence (id, last_seq, pruned_through) values (1, 0, 0)`, [], 'run');
  return sequenceEvents(em);
}

const eventColumns = 'select seq, kind, user_id, subject_id from timeline_events';
/** A reader's timeline events between two `seq`s: its own and its followees' tweets and deletions. */
const timelineEventsWhere =
  "where seq > ? and seq <= ? and kind in ('tweet', 'delete') and (user_id = ? or user_id in " +
  '(select follow_user_id from users_follow_list where user_id = ?))';
const toEvent = (row: Record<string, unknown>): LiveEvent => ({
  seq: Number(row.seq),
  kind: row.kind as LiveEvent['kind'],
  userId: Number(row.user_id),
  subjectId: Number(row.subject_id),
});

/** Every event after `afterSeq`, oldest first, at most a page. */
export async function findEventsAfter(em: EntityManager, afterSeq: number): Promise<LiveEvent[]> {
  const rows = await em.execute(`${eventColumns} where seq > ? order by seq limit ${batch}`, [afterSeq]);
  return rows.map(toEvent);
}

/**
 * The tweets and deletions in `(afterSeq, throughSeq]` that `userId`'s live timeline carries: by
 * them or by whom they follow now. Oldest first, at most a page.
 */
export async function findTimelineEvents(
  em: EntityManager,
  userId: number,
  afterSeq: number,
  throughSeq: number,
): Promise<LiveEvent[]> {
  const rows = await em.execute(`${eventColumns} ${timelineEventsWhere} order by seq limit ${batch}`, [
    afterSeq,
    throughSeq,
    userId,
    userId,
  ]);
  return rows.map(toEvent);
}

/** Whom `userId` follows. */
export async function findFolloweeIds(em: EntityManager, userId: number): Promise<number[]> {
  const rows = await em.execute('select follow_user_id from users_follow_list where user_id = ?', [userId]);
  return rows.map((row) => Number(row.follow_user_id));
}

/** Which of `sessionIds` are still live (not ended, not expired), with when each expires. */
export async function findLiveSessions(em: EntityManager, sessionIds: readonly string[]): Promise<Map<string, Date>> {
  if (!sessionIds.length) return new Map();
  const rows = await em.execute(
    `select id, expires_at from auth_sessions where id in (${placeholders(sessionIds)}) and expires_at > ?`,
    [...sessionIds, new Date()],
  );
  return new Map(rows.map((row) => [String(row.id), new Date(row.expires_at as string | number | Date)]));
}

/**
 * Each author's newest tweets and deletions that are kept past the retention time: a reader who
 * comes back later can still be given the last this many events of its timeline (whoever wrote them,
 * each is among its author's newest this many).
 */
export const keptPerAuthor = 1_000;

/**
 * Deletes the events logged before `before`, except each author's newest `keptPerAuthor` tweets and
 * deletions, and remembers the highest `seq` deleted. Follow changes go by time alone: only the hub
 * reads them, as they happen.
 */
export async function pruneEvents(em: EntityManager, before: Date): Promise<void> {
  // As the triggers' `current_timestamp` writes it on both dialects (UTC on SQLite).
  const cutoff = before.toISOString().slice(0, 19).replace('T', ' ');
  const greatest = isSqlite(em) ? 'max' : 'greatest';
  for (;;) {
    const rows = await em.execute(
      'select id, seq from (select id, seq, logged_at, row_number() over (partition by user_id order by seq desc) as newer ' +
        "from timeline_events where seq is not null and kind in ('tweet', 'delete')) ranked " +
        `where logged_at < ? and newer > ${keptPerAuthor} union all ` +
        "select id, seq from timeline_events where seq is not null and kind in ('follow', 'unfollow') and logged_at < ? " +
        `limit ${pruneBatch}`,
      [cutoff, cutoff],
    );
    for (let i = 0; i < rows.length; i += batch) {
      const page = rows.slice(i, i + batch);
      const ids = page.map((row) => Number(row.id));
      const through = Math.max(...page.map((row) => Number(row.seq)));
      await em.transactional(async (tx) => {
        await tx.execute<QueryResult>(`delete from timeline_events where id in (${placeholders(ids)})`, ids, 'run');
        const mark = `update timeline_sequence set pruned_through = ${greatest}(pruned_through, ?) where id = 1`;
        await tx.execute(mark, [through], 'run');
      });
    }
    if (rows.length < pruneBatch) return;
  }
}

/**
 * How many of the events `findTimelineEvents` would give `userId` in `(afterSeq, throughSeq]`,
 * counted up to `limit`.
 */
export async function countTimelineEvents(
  em: EntityManager,
  userId: number,
  afterSeq: number,
  throughSeq: number,
  limit: number,
): Promise<number> {
  const [row] = await em.execute(
    `select count(*) as n from (select 1 from timeline_events ${timelineEventsWhere} limit ${limit}) page`,
    [afterSeq, throughSeq, userId, userId],
  );
  return Number(row?.n ?? 0);
}
