import { defineEntity, p } from '@mikro-orm/core';

/**
 * A write done under a client's `Idempotency-Key`, with its result: the same key from the same user
 * gets that result back instead of a second write (`queries/idempotency.ts`). The primary key is what
 * makes it so: two requests with one key cannot both insert their row. `fingerprint` is a hash of the
 * operation and its input, so a key reused for another request is told apart. Kept 24 hours. No
 * foreign key: deleting an account deletes its keys explicitly.
 */
export const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_keys',
  properties: {
    userId: p.integer().primary().autoincrement(false).fieldName('user_id'),
    key: p.string().length(255).primary().fieldName('idem_key'),
    fingerprint: p.string().length(64),
    response: p.text(),
    createdAt: p.datetime(3).fieldName('created_at'),
  },
});

export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);
