import { defineEntity, p } from '@mikro-orm/core';
import { Session } from './session.ts';

/**
 * A short-lived, single-use ticket that opens one live stream for a session: a browser's
 * `EventSource` cannot send the bearer token as a header, and the token must not travel in a URL.
 * Only its SHA-256 is stored; redeeming deletes it.
 */
export const StreamTicketSchema = defineEntity({
  name: 'StreamTicket',
  tableName: 'stream_tickets',
  properties: {
    id: p.string().length(64).primary(),
    session: () => p.manyToOne(Session).fieldName('session_id').deleteRule('cascade'),
    expiresAt: p.datetime(3).fieldName('expires_at'),
  },
});

export class StreamTicket extends StreamTicketSchema.class {}
StreamTicketSchema.setClass(StreamTicket);
