/**
 * Mastodon's streaming API (docs: methods/streaming.md) from the live hub that serves
 * `timeline.live`: the `user` stream as server-sent events (`/api/v1/streaming/user`) and over a
 * WebSocket (`/api/v1/streaming`, `streaming-socket.ts`); `streaming-events.ts` makes the events.
 */
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { write } from '../trpc-sse.ts';
import { answered, route } from './calls.ts';
import { endOf, openUserStream, type StreamingOptions } from './streaming-events.ts';
import { acceptWebSocket } from './streaming-socket.ts';

export { streamingUpgrades } from './streaming-socket.ts';

/** How often a server-sent stream gets Mastodon's heartbeat comment. */
const heartbeatMs = 15_000;

/**
 * A stream as server-sent events, framed as Mastodon's: `:)` first, `:thump` as a heartbeat, each
 * event's name and data. `quiet`: a stream of what Miniter has none of (notifications), which still
 * ends with its session. When the session ends or the server stops, the response just ends.
 */
async function sendEvents(req: Request, res: Response, options: StreamingOptions, { quiet = false } = {}) {
  const stream = await openUserStream(req, res, options);
  if (!stream) return;
  res.once('close', stream.stop);
  // Mastodon's headers, as they are (express's `set` would add a charset to the type).
  res.statusCode = 200;
  res.setHeader('content-type', 'text/event-stream');
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-accel-buffering', 'no');
  const heartbeat = setInterval(() => void write(res, ':thump\n'), heartbeatMs);
  try {
    if (!(await write(res, ':)\n'))) return;
    for await (const { event, payload } of stream.events) {
      if (!quiet && !(await write(res, `event: ${event}\ndata: ${payload}\n\n`))) return;
    }
  } catch (cause) {
    endOf(cause, options.logger);
  } finally {
    clearInterval(heartbeat);
    stream.stop();
    if (!res.writableEnded) res.end();
  }
}

/** For the document: what a stream sends, in Mastodon's framing. */
const events = z.string().meta({
  description:
    'Server-sent events: `:)` first, `:thump` every 15 s, then `event: update` (data: a Status as JSON) and `event: delete` (data: a status id)',
});

/** The `user` stream, or (`quiet`) one of what Miniter has none of, as server-sent events. */
const eventStream = (path: string, summary: string, { quiet = false } = {}) =>
  route({
    method: 'get',
    path,
    summary,
    tag: 'streaming',
    scope: 'read:statuses',
    params: z.object({
      access_token: z.string().optional().meta({ description: 'The token, where no header can be sent' }),
    }),
    answer: events,
    media: 'text/event-stream',
    handle: async ({ req, res, contextFor, logger }) => {
      await sendEvents(req, res, { contextFor, logger }, { quiet });
      return answered;
    },
  });

export const streamingRoutes = [
  route({
    method: 'get',
    path: '/api/v1/streaming/health',
    summary: 'Whether the streaming API is up: `OK`',
    tag: 'streaming',
    answer: z.literal('OK'),
    media: 'text/plain',
    handle: async () => 'OK' as const,
  }),
  eventStream('/api/v1/streaming/user', 'Your home timeline as it happens (the `user` stream)'),
  eventStream(
    '/api/v1/streaming/user/notification',
    'Your notifications as they happen: heartbeats only, as there are none',
    {
      quiet: true,
    },
  ),
];

/**
 * The WebSocket, to mount beside `mastodonApi`: an upgrade that `streamingUpgrades` handed to the
 * app. A plain GET goes on to the 404 that tells a client, as Mastodon's docs have it, that
 * streaming is on this same host. (OpenAPI cannot describe it: the document names it in the
 * streaming tag.)
 */
export function mastodonStreaming(options: StreamingOptions): Router {
  const router = Router();
  router.get('/api/v1/streaming', (req, res, next) => acceptWebSocket(req, res, next, options));
  return router;
}
