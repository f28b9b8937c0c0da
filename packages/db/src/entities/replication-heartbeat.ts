import { defineEntity, p } from '@mikro-orm/core';

/**
 * One row that every instance beats (the time, in ms) through the primary: how far a read replica's
 * copy of it is behind is that replica's lag (`replicas.ts`).
 */
export const ReplicationHeartbeatSchema = defineEntity({
  name: 'ReplicationHeartbeat',
  tableName: 'replication_heartbeat',
  properties: {
    id: p.integer().primary().autoincrement(false),
    beatMs: p.bigint('number').fieldName('beat_ms'),
  },
});

export class ReplicationHeartbeat extends ReplicationHeartbeatSchema.class {}
ReplicationHeartbeatSchema.setClass(ReplicationHeartbeat);
