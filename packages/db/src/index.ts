export { type DatabaseTarget, type Dialect, defaultSqlitePath, parseDatabaseUrl } from './config.ts';
export { Follow, Session, StreamTicket, Tweet, User } from './entities/index.ts';
export {
  dialectOf,
  type EntityManager,
  isDatabaseReady,
  isDatabaseUnavailable,
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
export { findLiveSessionUser, findUserProfiles, redeemStreamTicket, type UserProfileData } from './queries/users.ts';
