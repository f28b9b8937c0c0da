/**
 * The web client's build served beside the API (web.ts): a stand-in build of a page and a hashed
 * asset (compressed by the build's own `compressAssets`), the real app on SQLite.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { compressAssets } from '../../../web/compress.ts';
import { useHttpServer } from '../helpers.ts';

const build = mkdtempSync(join(tmpdir(), 'miniter-web-'));
mkdirSync(join(build, 'assets'));
writeFileSync(
  join(build, 'index.html'),
  '<!doctype html><title>Miniter</title><script type="module" src="/assets/app-1a2b.js"></script>',
);
// About 100 KB of script, repetitive as a bundle is.
const script = Array.from(
  { length: 2000 },
  (_, i) => `export function render${i}(props) { return createElement("div", { key: ${i}, ...props }); }`,
).join('\n');
writeFileSync(join(build, 'assets', 'app-1a2b.js'), script);
// Compressed as the web app's build compresses its assets.
await compressAssets(join(build, 'assets'));

/** A GET (or HEAD) as the bytes on the wire: no client here decodes what the server sent. */
function onTheWire(url: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status?: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the web client beside the API', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm, { webRoot: build });
  const withoutBuild = useHttpServer(() => db().orm, { webRoot: null });
  const get = (path: string, headers: Record<string, string> = html, base = server.url) =>
    fetch(`${base}${path}`, { headers });

  it('serves the page, never cached, under a strict Content-Security-Policy', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.text()).toContain('<title>Miniter</title>');
  });

  it('caches hashed assets for a year', async () => {
    const asset = await get('/assets/app-1a2b.js', {});
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/missing-9z.js', {})).status).toBe(404);
  });

  it('sends the script compressed: brotli when the client takes it, else gzip, else as it is', async () => {
    const url = `${server.url}/assets/app-1a2b.js`;
    // Chromium's Accept-Encoding: gzip listed first, brotli taken.
    const sent = await onTheWire(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-encoding']).toBe('br');
    expect(sent.headers.vary).toMatch(/accept-encoding/i);
    expect(sent.headers['content-type']).toMatch(/^text\/javascript/);
    expect(sent.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // What the browser receives is the compressed size, and it decodes to the script.
    expect(Number(sent.headers['content-length'])).toBe(sent.body.length);
    expect(sent.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(sent.body).toString()).toBe(script);

    for (const accepted of ['gzip', 'br;q=0, gzip;q=0.5', 'deflate, gzip']) {
      const gzipped = await onTheWire(url, { 'accept-encoding': accepted });
      expect(gzipped.headers['content-encoding'], accepted).toBe('gzip');
      expect(gunzipSync(gzipped.body).toString(), accepted).toBe(script);
    }
    for (const accepted of [undefined, 'identity', 'br;q=0, gzip;q=0', 'zstd']) {
      const plain = await onTheWire(url, accepted === undefined ? {} : { 'accept-encoding': accepted });
      expect(plain.headers['content-encoding'], accepted).toBeUndefined();
      expect(plain.headers.vary, accepted).toMatch(/accept-encoding/i);
      expect(plain.body.toString(), accepted).toBe(script);
    }
    const head = await onTheWire(url, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.headers['content-length'], head.body.length]).toEqual([
      200,
      'br',
      sent.headers['content-length'],
      0,
    ]);
    expect((await onTheWire(`${server.url}/assets/missing-9z.js`, { 'accept-encoding': 'br' })).status).toBe(404);
  });

  it('answers the client’s own routes with the page, and shadows no API path', async () => {
    for (const path of ['/u/42', '/login', '/some/deep/route', '/index.html']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(await page.text(), path).toContain('<title>Miniter</title>');
    }
    const ping = await get('/trpc/health.ping');
    expect(await ping.json()).toEqual({ result: { data: 'pong' } });
    expect((await get('/healthz')).headers.get('content-type')).toMatch(/json/);
    expect((await get('/readyz')).headers.get('content-type')).toMatch(/json/);
    for (const path of ['/api/nope', '/media/nope.webp', '/trpc/nope']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type'), path).toMatch(/json/);
    }
    // A client that does not want HTML (an API client on a wrong path) gets the API's 404.
    expect((await get('/u/42', { accept: 'application/json' })).status).toBe(404);
  });

  it('serves the API alone without a build', async () => {
    const root = await get('/', html, withoutBuild.url);
    expect(root.status).toBe(404);
    expect(root.headers.get('content-type')).toMatch(/json/);
    expect((await get('/trpc/health.ping', {}, withoutBuild.url)).status).toBe(200);
  });
});
