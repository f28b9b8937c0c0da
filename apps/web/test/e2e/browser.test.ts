/**
 * The web client in a real browser (Debian's Chromium, driven by playwright-core), against the
 * production build that `pnpm start` builds and serves, on a throwaway SQLite database.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { createMiniterClient } from '@miniter/api/client';
import { createTestDatabase, type TestDatabase } from '@miniter/db/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../../server/test/e2e/start.ts';

const executablePath = '/usr/bin/chromium';

const stop = (child: ChildProcess) => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL');

describe.runIf(process.env.CI || existsSync(executablePath))('the web client in Chromium', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let url = '';
  let browser: Browser;
  /** What went wrong in any page: console errors (a refused script would be one), uncaught errors. */
  const problems: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = startServerProcess({
      DATABASE_URL: db.databaseUrl,
      PORT: '0',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      BCRYPT_COST: '10',
      WORKERS: '1',
      RATE_LIMIT_ENABLED: 'false',
    });
    url = await server.listening;
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server) stop(server.child);
    await db?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    return page;
  }

  let people = 0;
  /** Signs up through the page; resolves once the home timeline shows. */
  async function signUp(page: Page) {
    const name = `Person ${++people}`;
    const email = `person${people}-${Date.now()}@example.com`;
    await page.goto(url);
    await page.getByRole('button', { name: 'New here? Sign up' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    const api = createMiniterClient({ url: `${url}/trpc` });
    const { accessToken, user } = await api.auth.login.mutate({ email, password: 'password123' });
    return { name, email, id: user.id, api: createMiniterClient({ url: `${url}/trpc`, token: accessToken }) };
  }

  const feed = (page: Page) => page.getByRole('feed').getByRole('article');

  it('signs up, posts Korean and emoji shown as text, and deletes it', async () => {
    const page = await newPage();
    await signUp(page);
    const text = '안녕하세요 🌏 <img src=x onerror="window.injected=1">';
    await page.getByLabel('What is happening?').fill(text);
    // The counter counts code points, as the server does: the emoji is one.
    await expect.poll(() => page.locator('#compose-count').textContent()).toBe(`${[...text].length} / 300`);
    await page.getByRole('button', { name: 'Tweet' }).click();
    await expect.poll(() => feed(page).first().locator('.text').textContent()).toBe(text);
    await page.reload();
    await expect.poll(() => feed(page).first().locator('.text').textContent()).toBe(text);
    expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();

    await feed(page).first().getByRole('button', { name: 'Delete this tweet' }).click();
    await expect.poll(() => feed(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a followee’s new tweet behind “1 new tweet”, live', async () => {
    const [readerPage, authorPage] = [await newPage(), await newPage()];
    const reader = await signUp(readerPage);
    const author = await signUp(authorPage);
    await reader.api.follow.follow.mutate({ userId: author.id });
    await readerPage.reload();
    await readerPage.getByRole('heading', { name: 'Home' }).waitFor();
    await readerPage.waitForTimeout(500); // the stream opens

    await authorPage.getByLabel('What is happening?').fill('live from the other browser');
    await authorPage.getByRole('button', { name: 'Tweet' }).click();
    const arrived = readerPage.getByRole('button', { name: '1 new tweet' });
    await arrived.waitFor({ timeout: 5000 });
    expect(await feed(readerPage).count()).toBe(0);
    await arrived.click();
    await expect
      .poll(() => feed(readerPage).first().locator('.text').textContent())
      .toBe('live from the other browser');
    expect(problems).toEqual([]);
  });

  it('pages through 45 tweets with “Load more”', async () => {
    const page = await newPage();
    const writer = await signUp(page);
    for (let n = 1; n <= 45; n++) await writer.api.tweet.create.mutate({ text: `tweet ${n}` });
    await page.setViewportSize({ width: 800, height: 400 });
    await page.reload();
    await expect.poll(() => feed(page).count()).toBe(20);
    await expect.poll(() => feed(page).first().locator('.text').textContent()).toBe('tweet 45');
    const more = page.getByRole('button', { name: 'Load more' });
    await more.click();
    await expect.poll(() => feed(page).count()).toBeGreaterThanOrEqual(40);
    await page
      .getByRole('button', { name: 'Load more' })
      .click()
      .catch(() => {});
    await expect.poll(() => feed(page).count()).toBe(45);
    await expect.poll(() => more.count()).toBe(0);
    expect(await feed(page).last().locator('.text').textContent()).toBe('tweet 1');
    expect(problems).toEqual([]);
  });

  it('uploads a profile picture after a preview, and shows the server’s refusal of a non-image', async () => {
    const page = await newPage();
    const me = await signUp(page);
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: me.name }).waitFor();
    const picture = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const chooser = page.getByLabel('New picture');
    await chooser.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: picture });
    await page.getByRole('img', { name: 'The picture you chose' }).waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('img', { name: me.name }).waitFor();
    expect((await me.api.user.byId.query({ userId: me.id })).profilePictureUrl).toMatch(/\.webp$/);

    await chooser.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringMatching(/image/i));
    expect(problems.filter((p) => !/status of 415/.test(p))).toEqual([]);
  });

  it('switches to Korean, formats for it, and remembers', async () => {
    const page = await newPage();
    await signUp(page);
    await page.getByLabel('Language').selectOption('ko');
    await page.getByRole('heading', { name: '홈' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.reload();
    await page.getByRole('heading', { name: '홈' }).waitFor();
    await page.getByLabel('언어').selectOption('en');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
  });

  /** Presses Tab until the focused element is `name`'s control; fails after 40 presses. */
  async function tabTo(page: Page, name: RegExp) {
    for (let n = 0; n < 40; n++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
        return `${element?.closest('label')?.textContent ?? label ?? ''} ${element?.textContent ?? ''}`.trim();
      });
      if (name.test(focused)) return;
    }
    throw new Error(`no control named ${name} reached by Tab`);
  }

  it('works from the keyboard alone: sign up, tweet, delete', async () => {
    const page = await newPage();
    await page.goto(url);
    await tabTo(page, /New here\? Sign up/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Name/);
    await page.keyboard.type('Keys Only');
    await tabTo(page, /^Email/);
    await page.keyboard.type(`keys-${Date.now()}@example.com`);
    await tabTo(page, /^Password/);
    await page.keyboard.type('password123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await tabTo(page, /What is happening\?/);
    await page.keyboard.type('typed, not clicked');
    await tabTo(page, /^Tweet$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => feed(page).first().locator('.text').textContent()).toBe('typed, not clicked');
    await expect.poll(() => feed(page).first().getByRole('button').count()).toBe(1);
    await tabTo(page, /Delete this tweet/);
    await page.keyboard.press('Enter');
    await expect.poll(() => feed(page).count()).toBe(0);
  });

  it('has no serious or critical accessibility violation on any page (axe-core)', async () => {
    const page = await newPage();
    const scan = async (where: string) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        where,
      ).toEqual([]);
    };
    await page.goto(url);
    await page.getByRole('heading', { name: 'Log in to Miniter' }).waitFor();
    await scan('login');
    const me = await signUp(page);
    await me.api.tweet.create.mutate({ text: 'something to look at' });
    await page.reload();
    await feed(page).first().waitFor();
    await scan('home');
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: me.name }).waitFor();
    await scan('profile');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await scan('settings');
    // 320 px wide, text zoomed to 200%: nothing wider than the screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await page.getByRole('link', { name: 'Home' }).click();
    await feed(page).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('goes back to the login page, the draft kept, when the session ends elsewhere', async () => {
    const page = await newPage();
    const me = await signUp(page);
    await page.getByLabel('What is happening?').fill('half-written');
    await me.api.auth.logoutAll.mutate();
    // The live stream ends within seconds of the revocation, and the page with it.
    await page.getByRole('heading', { name: 'Log in to Miniter' }).waitFor({ timeout: 10_000 });
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    await page.getByLabel('Email').fill(me.email);
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect.poll(() => page.getByLabel('What is happening?').inputValue()).toBe('half-written');
  });
});
