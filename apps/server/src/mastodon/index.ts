/**
 * Mastodon's client API (docs.joinmastodon.org): `/api/v1`, `/api/v2` and `/.well-known` routes in
 * Mastodon's paths and shapes, over the same procedures as /trpc.
 */
import type { RequestHandler } from 'express';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { RestCallsOptions } from '../rest/calls.ts';

export interface MastodonApiOptions {
  /** The context of a call, as /trpc builds it. */
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
  /** The API's admission control (`admission.ts`). */
  admit: RequestHandler;
  maxBodySize: number;
  maxUploadBodySize: number;
}

export function mastodonApi(_options: MastodonApiOptions): Router {
  return Router();
}
