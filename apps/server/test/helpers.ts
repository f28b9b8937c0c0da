import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const { media = localMedia, limiter, liveLimits, ...rest } = options;
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
    server.on('request', app);
    close = () => {
      void state.live?.close();
      server.close();
    };
  });
  afterAll(() => close());
  return state;
}
