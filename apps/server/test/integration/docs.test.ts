/**
 * GET /api/docs in a real browser (Debian's Chromium, driven by playwright-core): the page renders
 * every operation of the document, with nothing fetched from anywhere but this server and nothing
 * refused by its Content-Security-Policy. Required in CI; elsewhere it runs when Chromium is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { useTestDatabase } from '@miniter/db/testing';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { committedOpenApiPath } from '../../src/rest/write-openapi.ts';
import { useHttpServer } from '../helpers.ts';

const executablePath = '/usr/bin/chromium';

describe.runIf(process.env.CI || existsSync(executablePath))('the API docs page in Chromium', () => {
  const db = useTestDatabase('sqlite');
  const server = useHttpServer(() => db().orm);

  it('renders every operation from this server alone', { timeout: 60_000 }, async () => {
    const document = JSON.parse(readFileSync(committedOpenApiPath, 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0);
    const browser = await chromium.launch({
      executablePath,
      // The machine's network is closed: no background connections, no sandbox as root.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    try {
      const page = await browser.newPage();
      const elsewhere: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.url}/api/docs`);
      await page
        .locator('.opblock-summary')
        .first()
        .waitFor({ timeout: 30_000 })
        .catch((error) => {
          throw new Error(`${error.message}; console: ${problems.join(' | ')}`);
        });
      expect(await page.locator('.opblock-summary').count()).toBe(operations);
      expect(await page.locator('.info .title').textContent()).toContain('Miniter');
      expect(elsewhere, 'requests to other hosts').toEqual([]);
      expect(problems, 'console errors (CSP refusals among them)').toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
