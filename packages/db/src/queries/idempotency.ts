import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, QueryResult } from '@mikro-orm/sql';

/** What a key was first used for, and its result: a stored JSON text. */
export interface KeyedResult {
  fingerprint: string;
  response: string;
}

export interface KeyClaim {
  userId: number;
  key: string;
  fingerprint: string;
  /** When the claim is made; keys used before `expiredBefore` count as new. */
  now: Date;
  expiredBefore: Date;
}

/**
 * Claims `key` for a write inside the caller's transaction: null when this request may go ahead (its
 * row is in, with a placeholder result to fill in), or the key's earlier use. The insert decides:
 * a second request with the key waits on the first one's row until that commits (then it reads the
 * result) or rolls back (then it goes ahead). An expired key is taken over in place, under its row's
 * lock (a plain read first, so that the usual repeat takes no lock); nothing here deletes a range, whose gap locks would make concurrent writers deadlock.
 */
export async function claimIdempotencyKey(em: EntityManager, claim: KeyClaim): Promise<KeyedResult | null> {
  try {
    await em.execute(
      'insert into idempotency_keys (user_id, idem_key, fingerprint, response, created_at) values (?, ?, ?, ?, ?)',
      [claim.userId, claim.key, claim.fingerprint, '', claim.now],
      'run',
    );
    return null;
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
  // A plain read (no lock): the key's row as its writer committed it.
  const [row] = await em.execute(
    'select fingerprint, response, created_at < ? as expired from idempotency_keys where user_id = ? and idem_key = ?',
    [claim.expiredBefore, claim.userId, claim.key],
  );
  if (!row) throw new Error('An idempotency key conflicted but cannot be read');
  if (!Number(row.expired)) {
    return { fingerprint: String(row.fingerprint), response: String(row.response) };
  }
  const renewed = await em.execute<QueryResult>(
    "update idempotency_keys set fingerprint = ?, response = '', created_at = ? " +
      'where user_id = ? and idem_key = ? and created_at < ?',
    [claim.fingerprint, claim.now, claim.userId, claim.key, claim.expiredBefore],
    'run',
  );
  if (renewed.affectedRows > 0) return null;
  // Another request renewed it first: it decides, as if it had inserted the row.
  throw new IdempotencyKeyBusy();
}

/** Two requests took over one expired key at once: the caller tries again (and then reads the winner's). */
export class IdempotencyKeyBusy extends Error {}

/** Stores the result of the write that claimed `key`, in the same transaction. */
export async function storeIdempotentResult(
  em: EntityManager,
  userId: number,
  key: string,
  response: string,
): Promise<void> {
  await em.execute(
    'update idempotency_keys set response = ? where user_id = ? and idem_key = ?',
    [response, userId, key],
    'run',
  );
}

/** Deletes the user's keys used before `expiredBefore` (after a keyed write, outside its transaction). */
export async function pruneIdempotencyKeys(em: EntityManager, userId: number, expiredBefore: Date): Promise<void> {
  await em.execute('delete from idempotency_keys where user_id = ? and created_at < ?', [userId, expiredBefore], 'run');
}
