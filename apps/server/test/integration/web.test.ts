/**
 * The web client's build served beside the API (web.ts): a stand-in build of a page and a hashed
 * asset, the real app on SQLite.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestDatabase } from '@miniter/db/testing';
import { describe, expect, it } from 'vitest';
import { useHttpServer } from '../helpers.ts';

const build = mkdtempSync(join(tmpdir(), 'miniter-web-'));
mkdirSync(join(build, 'assets'));
writeFileSync(
  join(build, 'index.html'),
  '<!doctype html><title>Miniter</title><script type="module" src="/assets/app-1a2b.js"></script>',
);
writeFileSync(join(build, 'assets', 'app-1a2b.js'), 'console.log("app")');

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
