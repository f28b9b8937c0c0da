/** The web client as a person uses it, in Chromium, against what `pnpm start` serves. */
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import {
  compose,
  expect,
  expectNoSeriousViolations,
  feed,
  freshHandle,
  signUp,
  someone,
  test,
  watch,
} from './helpers.ts';

test('signs up, posts Korean and emoji shown as text, and deletes it', async ({ page, baseURL, problems }) => {
  await signUp(page, baseURL as string);
  const text = '안녕하세요 🌏 <img src=x onerror="window.injected=1">';
  await compose(page).fill(text);
  // The counter counts code points, as the server does: the emoji is one.
  await expect(page.locator('#compose-count')).toHaveText(`${[...text].length} / 300`);
  await page.getByRole('button', { name: 'Tweet' }).click();
  await expect(feed(page).first().locator('.text')).toHaveText(text);
  await page.reload();
  await expect(feed(page).first().locator('.text')).toHaveText(text);
  expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
  await feed(page).first().getByRole('button', { name: 'Delete this tweet' }).click();
  await expect(feed(page)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('shows a followee’s new tweet behind “1 new tweet”, live, and resumes after the network drops', async ({
  page,
  context,
  browser,
  baseURL,
  problems,
}) => {
  const reader = await signUp(page, baseURL as string);
  const authorPage = watch(await (await browser.newContext()).newPage(), problems);
  const author = await signUp(authorPage, baseURL as string);
  await reader.api.follow.follow.mutate({ userId: author.id });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await page.waitForTimeout(500); // the stream opens

  await compose(authorPage).fill('live from the other browser');
  await authorPage.getByRole('button', { name: 'Tweet' }).click();
  const arrived = page.getByRole('button', { name: '1 new tweet' });
  await expect(arrived).toBeVisible({ timeout: 5000 });
  await expect(feed(page)).toHaveCount(0);
  await arrived.click();
  await expect(feed(page).first().locator('.text')).toHaveText('live from the other browser');

  // Offline, a post fails with a message and its draft back; a tweet written meanwhile arrives once
  // the network is back, once.
  await context.setOffline(true);
  await compose(page).fill('written offline');
  await page.getByRole('button', { name: 'Tweet' }).click();
  await expect(page.locator('#compose-problem')).toHaveText('The server cannot be reached: try again in a moment');
  await expect(compose(page)).toHaveValue('written offline');
  await expect(feed(page)).toHaveCount(1);
  await author.api.tweet.create.mutate({ text: 'while you were away' });
  await context.setOffline(false);
  await expect(page.getByRole('button', { name: '1 new tweet' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '1 new tweet' }).click();
  await expect(feed(page).locator('.text')).toHaveText(['while you were away', 'live from the other browser']);
  expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
});

test('pages through 45 tweets with “Load more”', async ({ page, baseURL, problems }) => {
  const writer = await signUp(page, baseURL as string);
  for (let n = 1; n <= 45; n++) await writer.api.tweet.create.mutate({ text: `tweet ${n}` });
  await page.setViewportSize({ width: 800, height: 400 });
  await page.reload();
  await expect(feed(page)).toHaveCount(20);
  await expect(feed(page).first().locator('.text')).toHaveText('tweet 45');
  const more = page.getByRole('button', { name: 'Load more' });
  await more.click();
  await expect.poll(() => feed(page).count()).toBeGreaterThanOrEqual(40);
  if (await more.isVisible()) await more.click();
  await expect(feed(page)).toHaveCount(45);
  await expect(more).toHaveCount(0);
  await expect(feed(page).last().locator('.text')).toHaveText('tweet 1');
  expect(problems).toEqual([]);
});

test('uploads a profile picture after a preview, and shows the server’s refusal of a non-image', async ({
  page,
  baseURL,
  problems,
}) => {
  const me = await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: me.name })).toBeVisible();
  const picture = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
  const chooser = page.getByLabel('New picture');
  await chooser.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: picture });
  await expect(page.getByRole('img', { name: 'The picture you chose' })).toBeVisible();
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('img', { name: me.name })).toBeVisible();
  expect((await me.api.user.byId.query({ userId: me.id })).profilePictureUrl).toMatch(/\.webp$/);

  await chooser.setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /image/i })).toBeVisible();
  expect(problems.filter((p) => !/status of 415/.test(p))).toEqual([]);
});

test('switches to Korean, formats for it, and remembers', async ({ page, baseURL }) => {
  await signUp(page, baseURL as string);
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '홈' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByRole('heading', { name: '홈' })).toBeVisible();
  await page.getByLabel('언어').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
});

test('speaks Korean to a browser that asks for it', async ({ browser, problems }) => {
  const page = watch(await (await browser.newContext({ locale: 'ko-KR' })).newPage(), problems);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Miniter 로그인' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  expect(problems).toEqual([]);
});

/** Presses Tab until the focused control is named `name` (its label or text), if it is not already; fails after 40. */
async function tabTo(page: Page, name: RegExp) {
  for (let n = 0; n < 40; n++) {
    if (n > 0) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return '';
      const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      return `${element.closest('label')?.textContent ?? label ?? ''} ${element.textContent ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`no control named ${name} reached by Tab`);
}

test('works from the keyboard alone: sign up, tweet, delete', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  await tabTo(page, /New here\? Sign up/);
  await page.keyboard.press('Enter');
  // The form's first field takes the focus.
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Keys Only');
  await tabTo(page, /^Handle/);
  const username = freshHandle('keys');
  await page.keyboard.type(username);
  await tabTo(page, /^Email/);
  await page.keyboard.type(`${username}@example.com`);
  await tabTo(page, /^Password/);
  await page.keyboard.type('password123');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await tabTo(page, /What is happening\?/);
  await page.keyboard.type('typed, not clicked');
  await tabTo(page, /^Tweet$/);
  await page.keyboard.press('Enter');
  await expect(feed(page).first().locator('.text')).toHaveText('typed, not clicked');
  await expect(feed(page).first().getByRole('button', { name: 'Delete this tweet' })).toBeVisible();
  await tabTo(page, /Delete this tweet/);
  await page.keyboard.press('Enter');
  await expect(feed(page)).toHaveCount(0);
});

test('has no serious or critical accessibility violation on any page (axe-core), and fits 320 px at 200% text', async ({
  page,
  baseURL,
}) => {
  test.slow(); // Nine pages and states, each scanned.
  const scan = (where: string) => expectNoSeriousViolations(page, where);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  await scan('login');
  // The sign-up form with a refusal beside each field.
  await page.getByRole('button', { name: 'New here? Sign up' }).click();
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await scan('sign-up refused');
  const other = await someone(baseURL as string, 'Someone To See');
  await other.api.user.updateProfile.mutate({ profile: 'A bio to show in lists' });
  const me = await signUp(page, baseURL as string);
  await me.api.tweet.create.mutate({ text: 'something to look at' });
  await me.api.follow.follow.mutate({ userId: other.id });
  await other.api.follow.follow.mutate({ userId: me.id });
  await page.reload();
  await expect(feed(page)).toHaveCount(1);
  await scan('home');
  // The search box's list, open, an option chosen.
  await page.getByRole('combobox', { name: 'Search people' }).fill(other.username);
  await expect(page.getByRole('listbox', { name: 'Search people' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await scan('search box');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Someone To See' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Followers' }).getByRole('listitem')).toHaveCount(1);
  await scan('someone’s profile, with people lists');
  await page.getByRole('combobox', { name: 'Search people' }).fill(other.username);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^People matching/ })).toBeVisible();
  await scan('search results');
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(feed(page).first()).toBeVisible();
  await scan('explore');
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: me.name })).toBeVisible();
  await scan('profile');
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await scan('settings');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  for (const where of ['Home', 'Explore', 'Profile']) {
    await page.getByRole('link', { name: where }).click();
    await expect(feed(page).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(320);
  }
});

test('goes back to the login page, the draft kept, when the session ends elsewhere', async ({ page, baseURL }) => {
  const me = await signUp(page, baseURL as string);
  await compose(page).fill('half-written');
  await me.api.auth.logoutAll.mutate();
  // The live stream ends within seconds of the revocation, and the page with it.
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status')).toContainText('Your session has ended');
  await page.getByLabel('Email').fill(me.email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(compose(page)).toHaveValue('half-written');
});

test('follows from a profile, and ends sessions from the settings: password, everywhere, the account', async ({
  page,
  browser,
  baseURL,
  problems,
}) => {
  const me = await signUp(page, baseURL as string);
  const other = await signUp(watch(await (await browser.newContext()).newPage(), problems), baseURL as string);
  await page.goto(`/u/${other.id}`);
  await expect(page.getByRole('heading', { name: other.name })).toBeVisible();
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.counts dd').nth(1)).toHaveText('1');
  expect((await me.api.follow.relationship.query({ userId: other.id })).following).toBe(true);
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(page.getByRole('button', { name: 'Follow' })).toBeVisible();
  await expect(page.locator('.counts dd').nth(1)).toHaveText('0');

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Current password').fill('password123');
  await page.getByLabel('New password').fill('a new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Password changed');
  // This page carries on with its fresh token.
  await page.getByRole('link', { name: 'Home' }).click();
  await compose(page).fill('after the change');
  await page.getByRole('button', { name: 'Tweet' }).click();
  await expect(feed(page).first().locator('.text')).toHaveText('after the change');
  await expect(feed(page).first().getByRole('button', { name: 'Delete this tweet' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  await page.getByLabel('Email').fill(me.email);
  await page.getByLabel('Password').fill('a new password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  const remove = page.getByRole('button', { name: 'Delete account' });
  await expect(remove).toBeDisabled();
  await page.getByLabel('Delete my account and all my tweets for good').check();
  await page.locator('form', { has: remove }).getByLabel('Password').fill('a new password');
  await remove.click();
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  await page.getByLabel('Email').fill(me.email);
  await page.getByLabel('Password').fill('a new password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
});
