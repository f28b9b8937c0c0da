/**
 * The session epoch: how processes may remember session checks and still refuse an ended session at
 * once, on every instance.
 *
 * A process remembers a check tagged with the epoch its statement read, and trusts it only while its
 * epoch is current: a tick (`tickInstance`) rereads the epoch every few hundred ms, and a process
 * whose last tick started longer ago than its trust window remembers nothing. Whatever ends sessions
 * or changes an account raises the epoch (`raiseSessionEpoch`), then waits until no process that may
 * still trust an older one is left (`countLaggingInstances`).
 *
 * A tick reads the epoch and reports it in one transaction that holds the epoch's row, so a raise
 * either comes before the tick's read or after its report is visible: a process never reports late
 * an epoch it read before the raise.
 */
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import type { Dialect } from '../config.ts';
import { dialectOfEm, insertIgnore } from './dialect.ts';

/** The database's clock in ms, in each dialect's words: every process's report is timed by one clock. */
const nowMs = (dialect: Dialect) =>
  dialect === 'sqlite'
    ? "cast((julianday('now') - 2440587.5) * 86400000 as integer)"
    : 'cast(unix_timestamp(current_timestamp(3)) * 1000 as signed)';

/**
 * Runs `then` in a transaction that first takes the epoch row's lock (raising the epoch with
 * `raise`), given the epoch. An emptied database (tests) lost the row: it is added back outside any
 * transaction, where racing callers cannot deadlock on it, and the work runs again.
 */
async function withEpoch<T>(
  em: EntityManager,
  raise: boolean,
  then: (tx: EntityManager, epoch: number) => Promise<T>,
): Promise<T> {
  const done = await em.transactional(async (tx) => {
    await tx.execute(`update session_epoch set epoch = epoch + ${raise ? 1 : 0} where id = 1`, [], 'run');
    const [row] = await tx.execute('select epoch from session_epoch where id = 1');
    return row ? { result: await then(tx, Number(row.epoch)) } : null;
  });
  if (done) return done.result;
  const { insert, onConflict } = insertIgnore(em);
  await em.execute(`${insert} into session_epoch (id, epoch) values (1, 0)${onConflict}`, [], 'run');
  return withEpoch(em, raise, then);
}

/** Raises the session epoch (autocommitted, once the change it follows has committed); returns it. */
export function raiseSessionEpoch(em: EntityManager): Promise<number> {
  return withEpoch(em, true, async (_tx, epoch) => epoch);
}

/**
 * Reads the epoch, hands it to `apply` (which must have dropped whatever is older before it returns:
 * the report is visible to others once committed), and reports it for process `instanceId`.
 */
export function tickInstance(em: EntityManager, instanceId: string, apply: (epoch: number) => void): Promise<void> {
  return withEpoch(em, false, async (tx, epoch) => {
    apply(epoch);
    const now = nowMs(dialectOfEm(tx));
    const seen = await tx.execute<QueryResult>(
      `update server_instances set seen_epoch = ?, seen_at_ms = ${now} where id = ?`,
      [epoch, instanceId],
      'run',
    );
    if (!seen.affectedRows) {
      await tx.execute(
        `insert into server_instances (id, seen_epoch, seen_at_ms) values (?, ?, ${now})`,
        [instanceId, epoch],
        'run',
      );
    }
  });
}

/**
 * Processes that reported an epoch below `epoch` within the last `trustMs`: those that may still
 * trust what they remember from before it.
 */
export async function countLaggingInstances(em: EntityManager, epoch: number, trustMs: number): Promise<number> {
  const [row] = await em.execute(
    `select count(*) as n from server_instances where seen_epoch < ? and seen_at_ms > ${nowMs(dialectOfEm(em))} - ?`,
    [epoch, trustMs],
  );
  return Number(row?.n ?? 0);
}

/** Forgets process `instanceId` (it stops), and processes silent for a day (they stopped uncleanly). */
export async function removeInstance(em: EntityManager, instanceId: string): Promise<void> {
  await em.execute(
    `delete from server_instances where id = ? or seen_at_ms < ${nowMs(dialectOfEm(em))} - 86400000`,
    [instanceId],
    'run',
  );
}
