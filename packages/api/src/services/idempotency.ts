import { createHash } from 'node:crypto';
import { DeadlockException } from '@mikro-orm/core';
import {
  claimIdempotencyKey,
  type EntityManager,
  IdempotencyKeyBusy,
  pruneIdempotencyKeys,
  storeIdempotentResult,
} from '@miniter/db';
import { ServiceError } from './errors.ts';

/** How long a key is remembered: a repeat within this returns the first result. */
export const idempotencyKeyMs = 24 * 3600_000;

/** Any visible ASCII, as the header's value may be a UUID, a ULID or a client's own scheme. */
const keyFormat = /^[\x21-\x7e]{1,255}$/;

export interface KeyedWrite {
  userId: number;
  /** The client's `Idempotency-Key`; without one the write just runs. */
  key: string | undefined;
  /** The procedure's name: one key names one request, whatever else it is sent with. */
  operation: string;
  input: unknown;
}

/**
 * Runs `write` once per key and user (as Mastodon's and Stripe's APIs do with `Idempotency-Key`): in
 * one transaction it claims the key, writes, and stores the result, so a client that retries after a
 * lost answer gets the first result back (`replayed`) rather than a second write; a concurrent
 * repeat waits for the first and gets its result too. A failed write stores nothing: its retry runs
 * again. The same key with another operation or input is refused (422): it is a client's bug.
 */
export async function once<T>(
  em: EntityManager,
  request: KeyedWrite,
  write: (em: EntityManager) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const { userId, key } = request;
  if (key === undefined) return { result: await write(em), replayed: false };
  if (!keyFormat.test(key)) {
    throw new ServiceError('BAD_REQUEST', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  const fingerprint = createHash('sha256')
    .update(`${request.operation}\n${JSON.stringify(request.input)}`)
    .digest('hex');
  for (let attempt = 1; ; attempt++) {
    const now = new Date();
    const expiredBefore = new Date(now.getTime() - idempotencyKeyMs);
    try {
      const outcome = await em.transactional(async (tx) => {
        const earlier = await claimIdempotencyKey(tx, { userId, key, fingerprint, now, expiredBefore });
        if (earlier) {
          if (earlier.fingerprint !== fingerprint) {
            throw new ServiceError(
              'UNPROCESSABLE_CONTENT',
              'This Idempotency-Key was already used for another request',
            );
          }
          return { result: JSON.parse(earlier.response) as T, replayed: true };
        }
        const result = await write(tx);
        await storeIdempotentResult(tx, userId, key, JSON.stringify(result) ?? 'null');
        return { result, replayed: false };
      });
      if (!outcome.replayed) await pruneIdempotencyKeys(em, userId, expiredBefore);
      return outcome;
    } catch (error) {
      // Two repeats of an expired key at once: the loser tries again and reads the winner's result.
      const contended = error instanceof IdempotencyKeyBusy || error instanceof DeadlockException;
      if (!contended || attempt >= 3) throw error;
    }
  }
}
