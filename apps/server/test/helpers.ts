import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { LiveHub, type LiveLimits, LocalStorage, type MediaStorage, type RateLimiter } from '@miniter/api';
import type { Orm } from '@miniter/db';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';

export const testAuth = { jwtSecret: 'test-secret-that-is-long-enough-0123456789', jwtExpiresIn: 3600, bcryptCost: 4 };
export const testUploads = { maxBytes: 256 * 1024, maxPixels: 4_000_000 };

export interface HttpServerOptions extends Partial<Omit<AppOptions, 'media' | 'limiter'>> {
  /** The picture store, given the server's URL; default: local files in a temporary folder. */
  media?: (serverUrl: string) => MediaStorage;
  /** Rate limits; default none. */
  limiter?: () => Promise<RateLimiter>;
  /** The live timeline, with these limits; default off. */
  liveLimits?: Partial<LiveLimits>;
  /** Told of every answer the server gave, once its response is over (`openapi-check.ts`). */
  onAnswer?: (answer: Answer) => void;
}

/** An answer as the client received it. */
export interface Answer {
  method: string;
  /** The path and query string, as requested. */
  url: string;
  status: number;
  contentType: string | null;
  text: string;
  /** No route took the request: the app's final 404. */
  unmatched: boolean;
}

/** Calls `onAnswer` with what `res` sent, when it is over (finished, or cut off as a stream is). */
function observe(req: IncomingMessage, res: ServerResponse, onAnswer: (answer: Answer) => void) {
  // As asked: express rewrites `req.url` on its way through mounted routers.
  const { method = 'GET', url = '/' } = req;
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string')
      chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const { write, end } = res;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return write.apply(this, [chunk, ...rest] as Parameters<typeof write>);
  } as typeof write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return end.apply(this, [chunk, ...rest] as Parameters<typeof end>);
  } as typeof end;
  res.once('close', () => {
    const type = res.getHeader('content-type');
    onAnswer({
      method,
      url,
      status: res.statusCode,
      contentType: type === undefined ? null : String(type),
      text: Buffer.concat(chunks).toString('utf8'),
      unmatched: Boolean((res as { locals?: { unmatched?: boolean } }).locals?.unmatched),
    });
  });
}

export const localMedia = (serverUrl: string) =>
  new LocalStorage(mkdtempSync(join(tmpdir(), 'miniter-media-')), serverUrl);

/** The real express app on an ephemeral port, for the whole file. */
export function useHttpServer(orm: () => Orm, options: HttpServerOptions = {}) {
  const state = { url: '', media: undefined as MediaStorage | undefined, live: undefined as LiveHub | undefined };
  let close = () => {};
  beforeAll(async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { media = localMedia, limiter, liveLimits, onAnswer, ...rest } = options;
    state.media = media(state.url);
    if (liveLimits) {
      state.live = new LiveHub({ orm: orm(), media: state.media, limits: liveLimits });
      await state.live.start();
    }
    const app = createApp({
      orm: orm(),
      auth: testAuth,
      uploads: testUploads,
      logger: createLogger('silent'),
      ...rest,
      media: state.media,
      limiter: limiter ? await limiter() : null,
      live: state.live ?? null,
    });
    server.on('request', (req, res) => {
      if (onAnswer) observe(req, res, onAnswer);
      app(req, res);
    });
    close = () => {
      void state.live?.close();
      server.close();
    };
  });
  afterAll(() => close());
  return state;
}

/**
 * A JSON POST to `path` that holds an admission slot while its body is still on the way: the rest is
 * sent by `finish`, which resolves to the raw HTTP answer.
 */
export async function slowPost(serverUrl: string, path: string, body: string) {
  const socket = connect(Number(new URL(serverUrl).port), '127.0.0.1');
  let answer = '';
  socket.on('data', (data) => {
    answer += data;
  });
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 5)}`,
  );
  await delay(200);
  return {
    finish: async () => {
      socket.write(body.slice(5));
      await once(socket, 'close');
      return answer;
    },
  };
}
