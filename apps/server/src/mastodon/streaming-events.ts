/**
 * A Mastodon streaming connection's events: one `timeline.live` subscription through a server-side
 * caller with the request's context, so that its scope check (`read:statuses`), the hub's stream
 * caps and the end of its session apply as they do over /trpc. Its events become Mastodon's
 * `update` (a Status as a JSON string) and `delete` (a status id).
 */
import { appRouter, type Context, createCallerFactory, type LiveData, type TweetView } from '@miniter/api';
import { getTRPCErrorFromUnknown } from '@trpc/server';
import { isAbortError, isTrackedEnvelope } from '@trpc/server/unstable-core-do-not-import';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { RestCallsOptions } from '../rest/calls.ts';
import { toStatuses } from './entities/status.ts';
import { sendMastodonError } from './errors.ts';
import { originOf } from './params.ts';

const createCaller = createCallerFactory(appRouter);

export interface StreamingOptions {
  /** The context of a call, as /trpc builds it. */
  contextFor: RestCallsOptions['contextFor'];
  logger: Logger;
}

export interface MastodonEvent {
  event: 'update' | 'delete';
  payload: string;
}

/** A connection's live timeline: Mastodon's events until the hub ends it or `stop` is called. */
export interface UserStream {
  events: AsyncIterable<MastodonEvent>;
  stop: () => void;
}

/**
 * The access token where Mastodon's streaming server looks for it: `Authorization`, then the
 * WebSocket protocol (where masto.js sends it), then the `access_token` parameter.
 */
function authorizationOf(req: Request): string | undefined {
  if (req.headers.authorization) return req.headers.authorization;
  const protocol = req.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  const parameter = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
  const token = protocol || parameter;
  return token ? `Bearer ${token}` : undefined;
}

/**
 * Each tweet's Status JSON per origin, made once however many streams carry it: the hub hands every
 * stream the same tweet object, and a Status reads the same for every reader.
 */
const statusPayloads = new WeakMap<TweetView, Map<string, Promise<string>>>();

function statusPayload(tweet: TweetView, origin: string, context: () => Context): Promise<string> {
  const byOrigin = statusPayloads.get(tweet) ?? new Map<string, Promise<string>>();
  statusPayloads.set(tweet, byOrigin);
  let payload = byOrigin.get(origin);
  if (!payload) {
    payload = toStatuses(createCaller(context()), origin, [tweet]).then(([status]) => JSON.stringify(status));
    byOrigin.set(origin, payload);
    // A failure is that moment's: the next stream to carry the tweet tries again.
    payload.catch(() => byOrigin.delete(origin));
  }
  return payload;
}

/**
 * Opens the request's `timeline.live`, or answers its refusal (no token, a scope it lacks, the caps)
 * before anything else is sent and resolves to null.
 */
export async function openUserStream(
  req: Request,
  res: Response,
  { contextFor, logger }: StreamingOptions,
): Promise<UserStream | null> {
  const controller = new AbortController();
  const caller = createCaller(contextFor(req, res, authorizationOf(req)), { signal: controller.signal });
  let tracked: Awaited<ReturnType<typeof caller.timeline.live>>;
  try {
    tracked = await caller.timeline.live();
  } catch (cause) {
    sendMastodonError(req, res, cause, logger);
    return null;
  }
  const origin = originOf(req);
  // An Account is public: read without the token, and not counted against the client's rate limit
  // (a stream's events are not its calls). A context each time: its profile loader caches.
  const reader = () => ({ ...contextFor(req, res, undefined), limiter: null });
  async function* events(): AsyncGenerator<MastodonEvent> {
    for await (const item of tracked) {
      // At run time a `tracked()` envelope; typed as what a client receives of it.
      const data = isTrackedEnvelope(item) ? (item[1] as LiveData) : item.data;
      // (A reset answers a resume point; these streams do not resume, as Mastodon's do not.)
      if (data.type === 'tweet') yield { event: 'update', payload: await statusPayload(data.tweet, origin, reader) };
      else if (data.type === 'repost') {
        yield { event: 'update', payload: await statusPayload(data.repost, origin, reader) };
      } else if (data.type === 'delete') yield { event: 'delete', payload: String(data.tweetId) };
    }
  }
  return { events: events(), stop: () => controller.abort() };
}

/**
 * Why a stream's events stopped with `cause`: its session ended, the server is stopping (or cannot
 * reach its database), or something failed, which is logged.
 */
export function endOf(cause: unknown, logger: Logger): 'session' | 'interrupted' | 'failed' {
  if (isAbortError(cause)) return 'interrupted';
  const { code } = getTRPCErrorFromUnknown(cause);
  if (code === 'UNAUTHORIZED') return 'session';
  if (code === 'SERVICE_UNAVAILABLE') return 'interrupted';
  logger.error({ err: cause }, 'Mastodon stream failed');
  return 'failed';
}
