export { Follow } from './follow.ts';
export { IdempotencyKey } from './idempotency-key.ts';
export { Like } from './like.ts';
export { OAuthApplication, OAuthAppToken, OAuthAuthorizationCode } from './oauth.ts';
export { ReplicationHeartbeat } from './replication-heartbeat.ts';
export { Session } from './session.ts';
export { ServerInstance, SessionEpoch } from './session-epoch.ts';
export { StreamTicket } from './stream-ticket.ts';
export { TimelineEvent, TimelineSequence } from './timeline-event.ts';
export { Tweet } from './tweet.ts';
export { Hashtag, TweetHashtag, TweetMention } from './tweet-entities.ts';
export { TweetStats } from './tweet-stats.ts';
export { User } from './user.ts';
export { UserSearchTerm } from './user-search-term.ts';
export { UserStats } from './user-stats.ts';

import { FollowSchema } from './follow.ts';
import { IdempotencyKeySchema } from './idempotency-key.ts';
import { LikeSchema } from './like.ts';
import { OAuthApplicationSchema, OAuthAppTokenSchema, OAuthAuthorizationCodeSchema } from './oauth.ts';
import { ReplicationHeartbeatSchema } from './replication-heartbeat.ts';
import { SessionSchema } from './session.ts';
import { ServerInstanceSchema, SessionEpochSchema } from './session-epoch.ts';
import { StreamTicketSchema } from './stream-ticket.ts';
import { TimelineEventSchema, TimelineSequenceSchema } from './timeline-event.ts';
import { TweetSchema } from './tweet.ts';
import { HashtagSchema, TweetHashtagSchema, TweetMentionSchema } from './tweet-entities.ts';
import { TweetStatsSchema } from './tweet-stats.ts';
import { UserSchema } from './user.ts';
import { UserSearchTermSchema } from './user-search-term.ts';
import { UserStatsSchema } from './user-stats.ts';

export const entities = [
  UserSchema,
  TweetSchema,
  FollowSchema,
  SessionSchema,
  TimelineEventSchema,
  TimelineSequenceSchema,
  StreamTicketSchema,
  IdempotencyKeySchema,
  ReplicationHeartbeatSchema,
  UserSearchTermSchema,
  SessionEpochSchema,
  ServerInstanceSchema,
  OAuthApplicationSchema,
  OAuthAuthorizationCodeSchema,
  OAuthAppTokenSchema,
  UserStatsSchema,
  TweetStatsSchema,
  LikeSchema,
  HashtagSchema,
  TweetHashtagSchema,
  TweetMentionSchema,
];
