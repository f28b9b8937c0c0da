/** The express application: /trpc, /healthz, /readyz. Built from its dependencies, so tests can too. */

import { type ApiDependencies, appRouter, createContextInner, immutableCacheControl, LocalStorage } from '@miniter/api';
import { dialectOf, isDatabaseReady, replicaStatus, sqlEm } from '@miniter/db';
import { type AnyTRPCProcedure, type AnyTRPCRouter, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { type AdmissionLimits, admission, defaultAdmission } from './admission.ts';
import { sendBusy, sendNoRoute } from './mastodon/errors.ts';
import { mastodonApi } from './mastodon/index.ts';
import { mastodonStreaming } from './mastodon/streaming.ts';
import { callFailed, type Metrics, markUnmatched, observeRequests } from './metrics.ts';
import { requestIdOf, requestLog } from './request-log.ts';
import { bookAuthorization, bookRoutes } from './rest/book.ts';
import { restCalls, restErrors, sendError } from './rest/calls.ts';
import { docsRouter } from './rest/docs.ts';
import { openApiDocument } from './rest/openapi.ts';
import { trpcHandler } from './trpc-handler.ts';
import { webApp } from './web.ts';

export interface AppOptions extends ApiDependencies {
  logger: Logger;
  corsOrigins?: string[];
  maxBatchSize?: number;
  maxBodySize?: number;
  /** In-flight and waiting API requests (see `admission`). */
  admission?: AdmissionLimits;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client IP. */
  trustProxy?: boolean | number | string;
  /** The web client's build to serve at `/` (`web.ts`); null for the API alone. */
  webRoot?: string | null;
  /** Where requests are counted and timed; null for none. */
  metrics?: Metrics | null;
  /** True once shutdown has begun: /readyz answers 503 so that a load balancer stops sending. */
  draining?: () => boolean;
}

/**
 * Every answer is JSON (or a picture): of helmet's browser headers only those that mean something
 * for them. Nothing may frame or run an answer, and nothing may sniff it as another type. HSTS is
 * the TLS terminator's to send, and the page headers will be the web app's (a ping's answer went
 * from 974 to 412 bytes of headers).
 */
const apiHelmet = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginOpenerPolicy: false,
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/**
 * helmet's headers for the API, taken once: its options above are all fixed, so every answer gets
 * the same few headers, set in a loop rather than through helmet's chain of middleware per request
 * (about 4% of a light call's server CPU).
 */
const apiHeaders: express.RequestHandler = (() => {
  const headers: Array<[string, string]> = [];
  const recorder = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => {},
  };
  apiHelmet({} as express.Request, recorder as unknown as express.Response, () => {});
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
})();

/** The paths of Mastodon's API and OAuth endpoints, which browser apps on other origins call. */
const mastodonPaths = ['/api/v1', '/api/v2', '/oauth/token', '/oauth/revoke', '/.well-known', '/nodeinfo'];
const mastodonCors = cors({
  origin: '*',
  exposedHeaders: ['Link', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-Request-Id'],
});

/** Multipart framing around an uploaded file: the transport cap is the file limit plus this. */
const multipartOverhead = 64 * 1024;

/** The JSON body cap when none is configured (the server's config always sets one). */
const defaultMaxBodySize = 1_048_576;

const procedures = Object.entries((appRouter as AnyTRPCRouter)._def.procedures as Record<string, AnyTRPCProcedure>);

/** Every procedure's path under /trpc, and those that stream. */
const procedurePaths = new Set(procedures.map(([path]) => path));
const subscriptions = new Set(
  procedures.filter(([, procedure]) => procedure._def.type === 'subscription').map(([path]) => path),
);

/** How long /readyz waits for the database before calling it unavailable. */
const readinessTimeoutMs = 2000;

export function createApp({
  logger,
  corsOrigins = [],
  maxBatchSize = 20,
  maxBodySize,
  admission: admissionLimits = defaultAdmission,
  trustProxy = false,
  webRoot = null,
  metrics = null,
  draining = () => false,
  ...dependencies
}: AppOptions) {
  const { orm, media, uploads } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  // Every response names its request: a client can quote the id, and the request's log lines carry it.
  app.use(requestLog(logger, { quiet: (path) => path === '/healthz' }));
  if (metrics) app.use(observeRequests(metrics, procedurePaths));
  app.use(apiHeaders);
  // Mastodon's API is for web apps on any origin (Elk, Phanpy), as Mastodon's is: its calls carry a
  // bearer token, never a cookie, so a page elsewhere can do nothing its user's token does not allow.
  app.use(mastodonPaths, mastodonCors);
  // Elsewhere browsers may call only from the configured origins; no origins, no CORS headers.
  if (corsOrigins.length) app.use(cors({ origin: corsOrigins }));

  // Liveness: stays 200 while draining, so that nothing restarts a process that is stopping well.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Ready while the primary answers; without it, still ready ("degraded") while a read replica is fit:
  // reads go on from the replica, and writes get a quick SERVICE_UNAVAILABLE of their own rather
  // than a load balancer's page for every request (every instance would be out of its pool at once).
  app.get('/readyz', async (_req, res) => {
    const ready = await Promise.race([
      isDatabaseReady(orm),
      new Promise<false>((resolve) => setTimeout(resolve, readinessTimeoutMs, false).unref()),
    ]);
    const replicas = replicaStatus(sqlEm(orm));
    const status = draining() ? 'draining' : ready ? 'ok' : replicas?.fit ? 'degraded' : 'unavailable';
    res
      .status(status === 'ok' || status === 'degraded' ? 200 : 503)
      .json({ status, database: { dialect: dialectOf(orm), ready, ...(replicas ? { replicas } : {}) } });
  });

  if (media instanceof LocalStorage) {
    // Objects never change under a key: cache for a year. No index pages; serve-static refuses `..`.
    app.use(
      '/media',
      express.static(media.directory, {
        index: false,
        dotfiles: 'deny',
        redirect: false,
        setHeaders: (res) => {
          res.setHeader('cache-control', immutableCacheControl);
          res.setHeader('x-content-type-options', 'nosniff');
        },
      }),
    );
  }

  // Without PUBLIC_URL, local pictures are linked at the origin the request came to (its Host, or a
  // trusted proxy's X-Forwarded-Host and -Proto): a page's own origin, which its CSP allows.
  const mediaFor = (req: express.Request) =>
    media instanceof LocalStorage && req.host ? media.forOrigin(`${req.protocol}://${req.host}`) : media;

  // One context for a call however it arrives: over /trpc or a REST route.
  const contextFor = (
    req: express.Request,
    res: express.Response,
    authorization: string | undefined,
    streamTicket?: string,
  ) =>
    createContextInner({
      ...dependencies,
      media: mediaFor(req),
      authorization,
      streamTicket,
      clientIp: req.ip,
      requestId: requestIdOf(req),
      idempotencyKey: req.get('idempotency-key'),
      setHeader: (name, value) => res.setHeader(name, value),
    });

  const callsWithBodyLimit = (bodyLimit: number | undefined, streamBody = false) =>
    trpcHandler({
      streamBody,
      router: appRouter,
      createContext: async (req, res, connectionParams) =>
        contextFor(req, res, req.headers.authorization, connectionParams?.ticket),
      maxBatchSize,
      ...(bodyLimit ? { maxBodySize: bodyLimit } : {}),
      onError({ error, path, req }) {
        if (metrics && req.res) callFailed(req.res, path, getHTTPStatusCodeFromError(error));
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          // The client saw a generic message; the real error is logged with the request's id.
          logger.error({ reqId: requestIdOf(req), err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    });
  // Uploads get a body cap sized for a picture; everything else keeps the small JSON cap. Either
  // way the cap is enforced while the body streams in, before it is buffered.
  const jsonCalls = callsWithBodyLimit(maxBodySize);
  const maxUploadBodySize = uploads.maxBytes + multipartOverhead;
  const uploadCalls = callsWithBodyLimit(maxUploadBodySize, true);
  const admit = admission(admissionLimits);
  metrics?.watchAdmission(admit);
  // An open stream would hold its admission slot for its whole life: streams have caps of their own.
  const admitCall: express.RequestHandler = (req, res, next) =>
    req.method === 'GET' && subscriptions.has(req.path.slice(1)) ? next() : admit(req, res, next);
  app.use('/trpc', admitCall, (req, res, next) =>
    (req.path === '/user.uploadProfilePicture' ? uploadCalls : jsonCalls)(req, res, next),
  );

  // The book's endpoints, at the root: the same procedures in its shapes.
  app.use(
    bookRoutes({
      call: restCalls({ contextFor, logger, authorization: bookAuthorization }),
      admit,
      maxBodySize: maxBodySize ?? defaultMaxBodySize,
      maxUploadBodySize,
    }),
    restErrors(logger),
  );

  // The document of the REST API (Mastodon's and the book's), generated once per process.
  const openApi = JSON.stringify(openApiDocument());
  app.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(openApi);
  });
  app.use('/api/docs', docsRouter(), restErrors(logger));

  // Mastodon's client API and its OAuth 2. The page that asks a person to authorize an application
  // is the web app's.
  app.use(
    mastodonApi({
      contextFor,
      logger,
      admit: admit.refusing(sendBusy),
      maxBodySize: maxBodySize ?? defaultMaxBodySize,
      maxUploadBodySize,
    }),
  );
  // Mastodon's streaming WebSocket, which server.ts hands in (its event streams are among the routes).
  app.use(mastodonStreaming({ contextFor, logger }));

  // The web client, if built: after every API route, before the API's 404.
  const web = webApp(webRoot);
  if (web) app.use(web);

  // No route: said in Mastodon's shape under its paths, in the book's elsewhere.
  app.use(mastodonPaths, (req, res) => {
    markUnmatched(res);
    sendNoRoute(req, res);
  });
  app.use((req, res) => {
    markUnmatched(res);
    sendError(
      req,
      res,
      new TRPCError({ code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` }),
      logger,
    );
  });
  return app;
}
