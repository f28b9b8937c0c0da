/**
 * Mastodon's client API (docs.joinmastodon.org): `/api/v1`, `/api/v2` and `/.well-known` routes in
 * Mastodon's paths and shapes, over the same procedures as /trpc. A presentation layer only: each
 * route maps Mastodon's parameters onto procedures and their answers onto Mastodon's entities
 * (`entities/`), one module each.
 */
import type { RequestHandler } from 'express';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { RestCallsOptions } from '../rest/calls.ts';
import { mastodonCalls } from './calls.ts';
import { defaultPictures } from './default-pictures.ts';
import { mastodonErrors } from './errors.ts';
import { accountRoutes } from './routes/accounts.ts';
import { emptyRoutes } from './routes/empty.ts';
import { followRoutes } from './routes/follows.ts';
import { instanceRoutes } from './routes/instance.ts';
import { nodeinfoRoutes } from './routes/nodeinfo.ts';
import { profileRoutes } from './routes/profile.ts';
import { searchRoutes } from './routes/search.ts';
import { statusRoutes } from './routes/statuses.ts';
import { timelineRoutes } from './routes/timelines.ts';

export interface MastodonApiOptions {
  /** The context of a call, as /trpc builds it. */
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
  /** The API's admission control (`admission.ts`). */
  admit: RequestHandler;
  maxBodySize: number;
  maxUploadBodySize: number;
}

export function mastodonApi({ contextFor, logger, admit, maxBodySize, maxUploadBodySize }: MastodonApiOptions): Router {
  const router = Router();
  router.use(defaultPictures());
  const call = mastodonCalls({ contextFor, logger, admit, maxBodySize, maxUploadBodySize });
  instanceRoutes(router, call);
  nodeinfoRoutes(router, call);
  // Before `/api/v1/accounts/:id`, which would take `relationships` and `search` for ids.
  followRoutes(router, call);
  searchRoutes(router, call);
  accountRoutes(router, call);
  profileRoutes(router, call);
  timelineRoutes(router, call);
  statusRoutes(router, call);
  emptyRoutes(router, call);
  router.use(mastodonErrors(logger));
  return router;
}
