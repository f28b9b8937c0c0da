/**
 * The web client's build (`apps/web/dist`), served beside the API at one origin: hashed assets
 * cached for a year and compressed, the page itself never cached (a new build shows at the next
 * load), and the page for every other browser navigation (the client's own routes, `/u/42`), after
 * the API's routes so that none of them is shadowed. Without a build the server serves the API alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Request, type RequestHandler } from 'express';
import helmet from 'helmet';
import Negotiator from 'negotiator';
import { compressible } from '../../web/compress.ts';

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

const assetsCacheControl = 'public, max-age=31536000, immutable';

/** Brotli and gzip siblings of the build's text files (`compressible`), where smaller. */
const extensions = { br: 'br', gzip: 'gz' } as const;
type Encoding = keyof typeof extensions;

/**
 * Brotli whenever `Accept-Encoding` allows it (a seventh smaller than gzip on the app's bundle), else
 * gzip, else neither. (A browser lists gzip first; the order says nothing, only `q` would.)
 */
function chooseEncoding(req: Request): Encoding | null {
  const accepted = new Negotiator(req).encodings(['br', 'gzip']);
  return accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : null;
}

/**
 * The hashed assets under `dir` as the build compressed them, read once and kept (a name's content
 * never changes). Anything else (a missing file, a client that takes neither) falls through to the
 * files as they are.
 */
function compressedAssets(dir: string): RequestHandler {
  const cache = new Map<string, Promise<Buffer | null>>();
  const compressed = (name: string, encoding: Encoding) => {
    const file = `${name}.${extensions[encoding]}`;
    let entry = cache.get(file);
    if (!entry) {
      entry = readFile(join(dir, file)).catch(() => {
        cache.delete(file);
        return null;
      });
      cache.set(file, entry);
    }
    return entry;
  };

  return async (req, res, next) => {
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !/^[\w.-]+$/.test(name) || !compressible.test(name)) {
      return next();
    }
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req);
    const body = encoding && (await compressed(name, encoding));
    if (!body) return next();
    res.type(name);
    res.setHeader('cache-control', assetsCacheControl);
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
    res.end(body);
  };
}

export function webApp(root: string | null): RequestHandler | null {
  const page = root && join(root, 'index.html');
  if (!root || !page || !existsSync(page)) return null;
  const assets = join(root, 'assets');
  const files = express.static(root, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.startsWith(assets) ? assetsCacheControl : 'no-cache');
    },
  });
  const router = express.Router();
  if (existsSync(assets)) router.use('/assets', compressedAssets(assets));
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
