import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Orm } from '@miniter/db';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, createApp } from '../src/app.ts';
import { createLogger } from '../src/logger.ts';

export const testAuth = { jwtSecret: 'test-secret-that-is-long-enough-0123456789', jwtExpiresIn: 3600, bcryptCost: 4 };

/** The real express app on an ephemeral port, for the whole file. */
export function useHttpServer(orm: () => Orm, options: Partial<AppOptions> = {}): () => string {
  let url = '';
  let close = () => {};
  beforeAll(async () => {
    const app = createApp({ orm: orm(), auth: testAuth, logger: createLogger('silent'), ...options });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());
  return () => url;
}
