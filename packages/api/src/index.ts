export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from './root.ts';
export type { AuthConfig } from './services/auth.ts';
export type { PublicUser, TweetView, UserSummary } from './shape.ts';
export { type Context, type ContextOptions, createCallerFactory, createContextInner } from './trpc.ts';
