/** The express application: /trpc, /healthz, /readyz. Built from its dependencies, so tests can too. */
import { type AuthConfig, appRouter, createContextInner } from '@miniter/api';
import { dialectOf, isDatabaseReady, type Orm } from '@miniter/db';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export interface AppOptions {
  orm: Orm;
  auth: AuthConfig;
  logger: Logger;
  corsOrigins?: string[];
  maxBatchSize?: number;
  maxBodySize?: number;
}

export function createApp({ orm, auth, logger, corsOrigins = [], maxBatchSize = 20, maxBodySize }: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  // Browsers may call only from the configured origins; no origins, no CORS headers.
  app.use(cors({ origin: corsOrigins.length ? corsOrigins : false }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const ready = await isDatabaseReady(orm);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ok' : 'unavailable',
      database: { dialect: dialectOf(orm), ready },
    });
  });

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ req }) => createContextInner({ orm, auth, authorization: req.headers.authorization }),
      maxBatchSize,
      ...(maxBodySize ? { maxBodySize } : {}),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The client saw a generic message; the real error is logged with the request's id.
          req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  return app;
}
