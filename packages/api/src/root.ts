import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from './routers/auth.ts';
import { followRouter } from './routers/follow.ts';
import { healthRouter } from './routers/health.ts';
import { instanceRouter } from './routers/instance.ts';
import { oauthRouter } from './routers/oauth.ts';
import { timelineRouter } from './routers/timeline.ts';
import { tweetRouter } from './routers/tweet.ts';
import { userRouter } from './routers/user.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  user: userRouter,
  tweet: tweetRouter,
  follow: followRouter,
  timeline: timelineRouter,
  oauth: oauthRouter,
  instance: instanceRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
