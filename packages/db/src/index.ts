export { type DatabaseTarget, type Dialect, defaultSqlitePath, parseDatabaseUrl } from './config.ts';
export {
  Follow,
  IdempotencyKey,
  Like,
  Session,
  StreamTicket,
  Tweet,
  TweetMention,
  User,
  UserSearchTerm,
} from './entities/index.ts';
export { isDatabaseUnavailable } from './errors.ts';
export {
  handleBase,
  handleCandidates,
  initialConsonants,
  isReservedUsername,
  nameSearchTerms,
  normalizeQuery,
  randomHandle,
  reservedUsernames,
  usernameKey,
  usernameMaxLength,
  usernamePattern,
} from './handles.ts';
export {
  dialectOf,
  type EntityManager,
  isDatabaseReady,
  migrate,
  type Orm,
  openOrm,
  sqlEm,
} from './orm.ts';
export { decodeCursor, type Page, type PageRequest } from './pagination.ts';
export {
  deleteFollow,
  type FollowCursor,
  type FollowListEntry,
  findFollowedAmong,
  findFollowing,
  findFollowList,
  followId,
  insertFollow,
  parseFollowId,
} from './queries/follows.ts';
export { findHashtagTimeline, searchHashtags } from './queries/hashtags.ts';
export {
  claimIdempotencyKey,
  IdempotencyKeyBusy,
  pruneIdempotencyKeys,
  storeIdempotentResult,
} from './queries/idempotency.ts';
export {
  deleteLike,
  findLikedTweets,
  findTweetPeople,
  insertLike,
  type LikedTweet,
  type TweetPerson,
} from './queries/likes.ts';
export {
  countTimelineEvents,
  findEventsAfter,
  findFolloweeIds,
  findLiveSessions,
  findTimelineEvents,
  hasUnsequencedEvents,
  keptPerAuthor,
  type LiveEvent,
  logPosition,
  pruneEvents,
  sequenceEvents,
} from './queries/live.ts';
export {
  type AuthorizationCodeData,
  type AuthorizedApplication,
  deleteApplicationSessions,
  deleteAuthorizationCode,
  deleteOAuthToken,
  findApplication,
  findAppToken,
  findAuthorizationCode,
  findAuthorizedApplications,
  findSessionApplication,
  insertApplication,
  insertAppToken,
  insertAuthorizationCode,
  insertOAuthSession,
  neverExpires,
  type OAuthApplicationData,
  touchOAuthSession,
} from './queries/oauth.ts';
export type { AccountData, TweetData, UserData, UserProfileData, UserSummaryData } from './queries/read-models.ts';
export { findUserSearchRows, type SearchCursor, searchUsers, type UserSearchQuery } from './queries/search.ts';
export {
  countLaggingInstances,
  raiseSessionEpoch,
  removeInstance,
  tickInstance,
} from './queries/sessions.ts';
export {
  findMostFollowedIds,
  findSuggestionRows,
  findSuggestions,
  type SuggestionQuery,
} from './queries/suggestions.ts';
export {
  type Descendant,
  descendantsMax,
  findThread,
  type Thread,
  type ThreadQuery,
} from './queries/threads.ts';
export {
  findPublicTimeline,
  findPublicTimelineRows,
  findTimeline,
  findTimelineRows,
  findTweets,
  findTweetsById,
  findUserTimeline,
  type RunSql,
  type TweetPage,
} from './queries/timeline.ts';
export {
  deleteOwnTweet,
  deleteReposts,
  findOriginal,
  findRepostId,
  insertHashtags,
  insertRepost,
  insertTweet,
  insertTweetEntities,
  insertTweetStats,
  type TweetEntityKeys,
} from './queries/tweets.ts';
export {
  countAccountsAndTweets,
  findLiveSessionUser,
  findTakenUsernames,
  findUserProfileByUsername,
  findUserProfiles,
  type LiveSession,
  redeemStreamTicket,
  writeSearchTerms,
} from './queries/users.ts';
export { type ReplicaOptions, readConnection, readFromReplicas, replicaStatus } from './replicas.ts';
