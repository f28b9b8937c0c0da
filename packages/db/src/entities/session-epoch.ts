import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row: a number raised whenever sessions end or an account changes, so that every process
 * drops the session checks it remembers (`queries/sessions.ts`).
 */
export const SessionEpochSchema = defineEntity({
  name: 'SessionEpoch',
  tableName: 'session_epoch',
  properties: {
    id: p.integer().primary().autoincrement(false),
    epoch: p.bigint('number'),
  },
});

export class SessionEpoch extends SessionEpochSchema.class {}
SessionEpochSchema.setClass(SessionEpoch);

/**
 * A process that remembers session checks, the session epoch it last read, and when (the database's
 * clock, ms): a change waits for every process that may still trust an older epoch.
 */
export const ServerInstanceSchema = defineEntity({
  name: 'ServerInstance',
  tableName: 'server_instances',
  properties: {
    id: p.string().length(36).primary(),
    seenEpoch: p.bigint('number').fieldName('seen_epoch'),
    seenAtMs: p.bigint('number').fieldName('seen_at_ms'),
  },
});

export class ServerInstance extends ServerInstanceSchema.class {}
ServerInstanceSchema.setClass(ServerInstance);
