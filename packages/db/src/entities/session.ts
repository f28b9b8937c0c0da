import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/**
 * A signed-in session: every access token names one (its `jti`), and a token is valid only while
 * its session row exists. Logging out deletes the row; deleting a user deletes theirs.
 */
export const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'auth_sessions',
  properties: {
    id: p.string().length(32).primary(),
    user: () => p.manyToOne(User).fieldName('user_id').deleteRule('cascade'),
    createdAt: p
      .datetime(3)
      .fieldName('created_at')
      .onCreate(() => new Date()),
    expiresAt: p.datetime(3).fieldName('expires_at').index('auth_sessions_expires_at_index'),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
