export { defaultLiveLimits, type LiveBus, type LiveData, LiveHub, type LiveLimits } from './live/hub.ts';
export { SessionCache } from './live/sessions.ts';
export { LocalStorage } from './media/local-storage.ts';
export { S3Storage, type S3StorageOptions } from './media/s3-storage.ts';
export { immutableCacheControl, type MediaStorage } from './media/storage.ts';
export {
  createRateLimiter,
  defaultRateLimits,
  type RateLimiter,
  type RateLimitName,
  type RateLimitRule,
} from './rate-limits.ts';
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from './root.ts';
/** The procedures' input schemas, for entry points that translate other shapes onto them (REST). */
export * as schemas from './schemas.ts';
export { type RequiredScope, requiredScopes, type Scope, scopes } from './scopes.ts';
export type { AuthConfig } from './services/auth.ts';
export type { UploadLimits } from './services/avatars.ts';
/** OAuth 2's services, for the token endpoint (the HTTP layer's, on a library that speaks the protocol). */
export * as oauth from './services/oauth.ts';
export type { PublicUser, TweetView, UserSummary } from './shape.ts';
export {
  type ApiDependencies,
  type Context,
  type ContextOptions,
  countRequest,
  createCallerFactory,
  createContextInner,
  type Meta,
} from './trpc.ts';
