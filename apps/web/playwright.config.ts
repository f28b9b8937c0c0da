/**
 * The browser tests (`pnpm test:browser`, part of `pnpm test`): Playwright Test with Debian's
 * Chromium (`apt-get install chromium`; no browser download works here), against the production
 * build that the README's `pnpm start` builds and serves, on a throwaway SQLite database.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.MINITER_BROWSER_TEST_PORT ?? 4780);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'test/browser',
  // One server, one database; the tests sign up users of their own.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // On CI's shared machine a browser test that fails once runs again, and is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // The machine's network is closed: no background connections; no sandbox as root.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: 'pnpm start',
    cwd: join(import.meta.dirname, '../..'),
    url: `${baseURL}/readyz`,
    timeout: 120_000,
    stdout: 'ignore',
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'miniter-web-')), 'web.sqlite')}`,
      JWT_SECRET: 'a browser test secret, 32 characters or more',
      BCRYPT_COST: '10',
      WORKERS: '1',
      RATE_LIMIT_ENABLED: 'false',
    },
  },
});
