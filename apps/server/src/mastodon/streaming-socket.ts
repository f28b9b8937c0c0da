/**
 * Mastodon's streaming WebSocket (`/api/v1/streaming`). The HTTP server's upgrades go through the
 * express app like any request (`streamingUpgrades`), so that a connection gets the same context,
 * request id and log line as a call; the route opens the connection's one `timeline.live` stream
 * before it accepts, and refuses over HTTP (401, 403, 429) as Mastodon's server does.
 *
 * On the connection, `{"type":"subscribe","stream":"user"}` (or `?stream=user` at connect) and
 * `unsubscribe` choose whether its events are sent, as `{"stream":["user"],"event":…,"payload":…}`.
 */
import type { IncomingMessage } from 'node:http';
import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { endOf, openUserStream, type StreamingOptions, type UserStream } from './streaming-events.ts';

/** How often a connection is pinged; one that has not answered the last ping by the next is cut off. */
const pingMs = 30_000;

/** What a reader may leave unread before its connection is cut off rather than buffered without end. */
const maxBufferedBytes = 4 * 1024 * 1024;

/** How long shutdown waits for clients to answer the close before it cuts them off. */
const closeGraceMs = 1000;

/**
 * Streams Mastodon has that Miniter has nothing live for: subscribed quietly. An error would do
 * worse than nothing: masto.js fails every subscription on a connection that gets one.
 */
const quietStreams = new Set([
  'user:notification',
  'public',
  'public:media',
  'public:local',
  'public:local:media',
  'public:remote',
  'public:remote:media',
  'hashtag',
  'hashtag:local',
  'list',
  'direct',
]);

/** Close codes: the session ended (IANA's 3000, Unauthorized), the server is going, a failure. */
const closeCodes = { session: 3000, interrupted: 1001, failed: 1011 } as const;

type Accept = (onOpen: (ws: WebSocket) => void) => void;

/** Upgrade requests on their way through the app: how the route accepts one. */
const pending = new WeakMap<IncomingMessage, Accept>();

/**
 * The HTTP server's `upgrade` listener: hands each upgrade to `app` with a response written to its
 * socket (a refusal is an HTTP answer); `close` ends every connection, without waiting long.
 */
export function streamingUpgrades(app: (req: IncomingMessage, res: ServerResponse) => void) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let closing = false;

  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const res = new ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    // Answered over HTTP (refused, or no such route): the connection ends with the answer.
    res.once('finish', () => socket.end());
    pending.set(req, (onOpen) => {
      res.statusCode = 101;
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', () => {});
        if (closing) return ws.close(closeCodes.interrupted);
        keepAlive(ws);
        onOpen(ws);
      });
    });
    app(req, res);
  };

  const close = async () => {
    closing = true;
    const clients = [...wss.clients];
    const closed = Promise.all(clients.map((ws) => new Promise((resolve) => ws.once('close', resolve))));
    for (const ws of clients) ws.close(closeCodes.interrupted, 'The server is stopping');
    await Promise.race([closed, sleep(closeGraceMs, undefined, { ref: false })]);
    for (const ws of wss.clients) ws.terminate();
    await closed;
  };

  return { handle, close };
}

function keepAlive(ws: WebSocket) {
  let answered = true;
  ws.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) return ws.terminate();
    answered = false;
    ws.ping();
  }, pingMs);
  ws.once('close', () => clearInterval(timer));
}

/** The route: an upgrade that `streamingUpgrades` handed in opens its stream, then is accepted. */
export async function acceptWebSocket(req: Request, res: Response, next: NextFunction, options: StreamingOptions) {
  const accept = pending.get(req);
  if (!accept) return next();
  pending.delete(req);
  const stream = await openUserStream(req, res, options);
  if (!stream) return;
  accept((ws) => serve(ws, stream, req.query.stream, options.logger));
}

/** A connection's subscriptions and events, until either side ends it. */
function serve(ws: WebSocket, stream: UserStream, first: unknown, logger: Logger) {
  const subscribed = new Set<string>();
  const send = (message: object) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(message));
  const change = (type: unknown, name: unknown) => {
    if (type !== 'subscribe' && type !== 'unsubscribe') return;
    if (typeof name !== 'string' || (name !== 'user' && !quietStreams.has(name))) {
      return send({ error: 'Unknown stream type', status: 400 });
    }
    if (type === 'subscribe') subscribed.add(name);
    else subscribed.delete(name);
  };
  if (first !== undefined) change('subscribe', first);
  ws.on('message', (data, isBinary) => {
    // As Mastodon's server: text frames only, and a message that is not JSON is ignored.
    if (isBinary) return ws.close(1003, 'Binary messages are not supported');
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (message && typeof message === 'object') {
      const { type, stream: name } = message as { type?: unknown; stream?: unknown };
      change(type, name);
    }
  });
  ws.once('close', stream.stop);

  void (async () => {
    let end: keyof typeof closeCodes = 'interrupted';
    try {
      for await (const { event, payload } of stream.events) {
        if (ws.readyState !== WebSocket.OPEN) break;
        if (subscribed.has('user')) send({ stream: ['user'], event, payload });
        if (ws.bufferedAmount > maxBufferedBytes) {
          ws.terminate();
          break;
        }
      }
    } catch (cause) {
      end = endOf(cause, logger);
    } finally {
      stream.stop();
    }
    if (ws.readyState === WebSocket.OPEN) ws.close(closeCodes[end]);
  })();
}
