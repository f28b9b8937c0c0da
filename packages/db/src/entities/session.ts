import { defineEntity, p } from '@mikro-orm/core';
import { OAuthApplication } from './oauth.ts';
import { User } from './user.ts';

/**
 * A signed-in session: every access token names one (its `jti`), and a token is valid only while
 * its session row exists. Logging out deletes the row; deleting a user deletes theirs.
 *
 * An OAuth access token (a Mastodon app's) is a session too, so that it ends the ways a session
 * does: its id is the token's hash (`services/oauth.ts`), it has an application and scopes, and it
 * does not expire (Mastodon's never do: its clients never refresh).
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
    /** The OAuth application the session was granted to; null for Miniter's own clients. */
    application: () => p.manyToOne(OAuthApplication).fieldName('application_id').deleteRule('cascade').nullable(),
    /** Space-separated OAuth scopes; null for Miniter's own clients, which may do everything. */
    scopes: p.string().length(1000).nullable(),
    /** When the token was last used, to the minute (an OAuth session's). */
    lastUsedAt: p.datetime(3).fieldName('last_used_at').nullable(),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
