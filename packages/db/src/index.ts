export { type DatabaseTarget, type Dialect, defaultSqlitePath, parseDatabaseUrl } from './config.ts';
export { Follow, IdempotencyKey, Session, StreamTicket, Tweet, User } from './entities/index.ts';
export { isDatabaseUnavailable } from './errors.ts';
export {
  dialectOf,
  type EntityManager,
  isDatabaseReady,
  type Orm,
  openOrm,
  sqlEm,
} from './orm.ts';
export { decodeCursor, type Page } from './pagination.ts';
export {
  deleteFollow,
  type FollowCursor,
  type FollowListEntry,
  findFollowing,
  findFollowList,
  insertFollow,
} from './queries/follows.ts';
export {
  claimIdempotencyKey,
  IdempotencyKeyBusy,
  pruneIdempotencyKeys,
  storeIdempotentResult,
} from './queries/idempotency.ts';
export {
  countTimelineEvents,
  findEventsAfter,
  findFolloweeIds,
  findLiveSessions,
  findTimelineEvents,
  findTweetsById,
  hasUnsequencedEvents,
  keptPerAuthor,
  type LiveEvent,
  logPosition,
  pruneEvents,
  sequenceEvents,
} from './queries/live.ts';
export type { AccountData, TweetData, UserData, UserSummaryData } from './queries/read-models.ts';
export { findTimeline } from './queries/timeline.ts';
export { deleteOwnTweet, insertTweet } from './queries/tweets.ts';
export {
  findLiveSessionUser,
  findUserProfiles,
  type LiveSession,
  redeemStreamTicket,
  type UserProfileData,
} from './queries/users.ts';
export { type ReplicaOptions, readConnection, readFromReplicas, replicaStatus } from './replicas.ts';
