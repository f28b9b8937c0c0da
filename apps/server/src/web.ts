/**
 * The web client's build (`apps/web/dist`), served beside the API at one origin: hashed assets
 * cached for a year, the page itself never (a new build shows at the next load), and the page for
 * every other browser navigation (the client's own routes, `/u/42`), after the API's routes so that
 * none of them is shadowed. Without a build the server serves the API alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';

/** Where `pnpm --filter @miniter/web build` writes, from this file in `src/` or in `dist/`. */
export const defaultWebRoot = join(import.meta.dirname, '../../web/dist');

/** Paths that are never the page: the API's, and the build's own files (a missing one is a 404). */
const notThePage = /^\/(?:trpc|media|api|healthz|readyz|assets)(?:\/|$)/;

/**
 * The page's own headers: a Content-Security-Policy the app runs under (its scripts and styles from
 * this origin only, no inline script; pictures from here or a media bucket over https).
 */
const pageHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'https:', 'data:', 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  strictTransportSecurity: false,
});

export function webApp(root: string | null): RequestHandler | null {
  const page = root && join(root, 'index.html');
  if (!root || !page || !existsSync(page)) return null;
  const assets = join(root, 'assets');
  const files = express.static(root, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const router = express.Router();
  // The page itself only ever goes out with its own headers, below.
  router.use((req, res, next) => (req.path.endsWith('.html') ? next() : files(req, res, next)));
  router.get(/.*/, (req, res, next) => {
    if (notThePage.test(req.path) || !req.accepts('html')) return next();
    pageHeaders(req, res, () => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(page);
    });
  });
  return router;
}
