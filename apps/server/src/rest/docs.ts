/**
 * GET /api/docs: Swagger UI over /api/openapi.json, served from node_modules (swagger-ui-dist), so it
 * works with no internet and behind a firewall. Only the bundle, its stylesheet and icon are sent; the page
 * and its start script are ours, so no inline script is needed.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type RequestHandler, Router } from 'express';

const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Miniter API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>
`;

// No validator badge: it would send the document to validator.swagger.io.
const start = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });\n`;

/** The API's JSON answers may run nothing; this page runs its own scripts and styles only. */
const pageHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
  );
  next();
};

export function docsRouter(): Router {
  const router = Router();
  router.use(pageHeaders);
  router.get('/', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/start.js', (_req, res) => {
    res.type('text/javascript').send(start);
  });
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css', 'favicon-32x32.png']) {
    router.get(`/${file}`, (_req, res) => {
      // pnpm keeps packages under node_modules/.pnpm: a dot directory that send refuses by default.
      res.sendFile(join(assets, file), { maxAge: '1d', dotfiles: 'allow' });
    });
  }
  return router;
}
