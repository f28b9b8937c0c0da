/**
 * Mastodon's client API (docs.joinmastodon.org): `/api/v1`, `/api/v2`, OAuth and `/.well-known`
 * routes in Mastodon's paths and shapes, over the same procedures as /trpc. A presentation layer
 * only: each route maps Mastodon's parameters onto procedures and their answers onto Mastodon's
 * entities (`entities/`, one module each). Every route is a declaration (`calls.ts`) in one of the
 * lists below, which both serves it and describes it in the OpenAPI document (`rest/openapi.ts`).
 */
import { Router } from 'express';
import { type MastodonRouterOptions, mastodonRouter } from './calls.ts';
import { defaultPictures } from './default-pictures.ts';
import { oauthRoutes } from './oauth.ts';
import { accountRoutes } from './routes/accounts.ts';
import { emptyRoutes } from './routes/empty.ts';
import { followRoutes } from './routes/follows.ts';
import { instanceRoutes } from './routes/instance.ts';
import { profileRoutes } from './routes/profile.ts';
import { searchRoutes } from './routes/search.ts';
import { statusRoutes } from './routes/statuses.ts';
import { suggestionRoutes } from './routes/suggestions.ts';
import { timelineRoutes } from './routes/timelines.ts';
import { streamingRoutes } from './streaming.ts';

export const mastodonRoutes = [
  ...oauthRoutes,
  ...instanceRoutes,
  ...accountRoutes,
  ...profileRoutes,
  ...followRoutes,
  ...searchRoutes,
  ...suggestionRoutes,
  ...statusRoutes,
  ...timelineRoutes,
  ...streamingRoutes,
  ...emptyRoutes,
];

export function mastodonApi(options: MastodonRouterOptions): Router {
  const router = Router();
  router.use(defaultPictures());
  router.use(mastodonRouter(mastodonRoutes, options));
  return router;
}
