/** What reaches the browser: the app's JavaScript as sent on the wire, and pictures at either local address. */
import type { Browser, Page, Response } from '@playwright/test';
import sharp from 'sharp';
import { expect, signUp, test, watch } from './helpers.ts';

/** Opens `/` in a fresh context (nothing cached) and collects the scripts the page loads until `ready`. */
async function initialScripts(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0],
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const scripts: Response[] = [];
  page.on('response', (response) => response.request().resourceType() === 'script' && scripts.push(response));
  await page.goto('/');
  await ready(page);
  await page.waitForLoadState('load');
  const sizes = await Promise.all(
    scripts.map(async (response) => {
      await response.finished();
      return {
        url: response.url(),
        encoding: response.headers()['content-encoding'],
        bytes: (await response.request().sizes()).responseBodySize,
      };
    }),
  );
  await context.close();
  return sizes;
}

test('sends the initial JavaScript compressed, within 150 KB on the wire, signed out and signed in', async ({
  page,
  browser,
  baseURL,
}) => {
  await signUp(page, baseURL as string);
  const signedIn = await page.context().storageState();
  for (const [where, options, ready] of [
    ['login', {}, (p: Page) => expect(p.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible()],
    ['home', { storageState: signedIn }, (p: Page) => expect(p.getByText('No tweets yet.')).toBeVisible()],
  ] as const) {
    const scripts = await initialScripts(browser, options, ready);
    expect(scripts.length, where).toBeGreaterThan(0);
    for (const script of scripts) expect(script.encoding, `${where}: ${script.url}`).toMatch(/^(gzip|br|zstd)$/);
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    test.info().annotations.push({ type: `initial JavaScript, ${where}`, description: `${total} bytes on the wire` });
    expect(total, where).toBeGreaterThan(0);
    expect(total, where).toBeLessThanOrEqual(150 * 1024);
  }
});

test('shows an uploaded picture when the app is opened at localhost, with no CSP violation', async ({
  browser,
  baseURL,
  problems,
}) => {
  const localhost = (baseURL as string).replace('127.0.0.1', 'localhost');
  const page = watch(await (await browser.newContext({ baseURL: localhost })).newPage(), problems);
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const me = await signUp(page, localhost);
  await page.getByRole('link', { name: 'Profile' }).click();
  const picture = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#a37' } })
    .png()
    .toBuffer();
  await page.getByLabel('New picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: picture });
  await page.getByRole('button', { name: 'Upload' }).click();
  const shown = page.getByRole('img', { name: me.name, exact: true });
  await expect(shown).toBeVisible();
  await expect
    .poll(() => shown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1)))
    .toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
