/**
 * Every view a write changes shows the change when it is next seen, without waiting for its cache
 * to go stale: the pages are left and entered within the app (as its links do), so nothing is reloaded.
 */
import type { Page } from '@playwright/test';
import { compose, expect, feed, signUp, someone, test, visit } from './helpers.ts';

const count = (page: Page, label: string) =>
  page.locator('.counts dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
/** The names in a profile's people list. */
const listed = (page: Page, list: 'Followers' | 'Following') =>
  page.getByRole('region', { name: list }).getByRole('listitem').getByRole('link');

test('after a follow and an unfollow, both profiles’ counts and people lists are current', async ({
  page,
  baseURL,
  problems,
}) => {
  const me = await signUp(page, baseURL as string);
  const other = await someone(baseURL as string, 'Followed Person');
  // Both profiles seen first, so that the cache holds them when the follow happens.
  await visit(page, `/@${me.username}`);
  await expect(count(page, 'Following')).toHaveText('0');
  await visit(page, `/@${other.username}`);
  await expect(count(page, 'Followers')).toHaveText('0');

  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(count(page, 'Followers')).toHaveText('1');
  await expect(listed(page, 'Followers')).toHaveText([me.name]);
  await visit(page, `/@${me.username}`);
  await expect(count(page, 'Following')).toHaveText('1');
  await expect(listed(page, 'Following')).toHaveText([other.name]);

  await visit(page, `/@${other.username}`);
  await page.getByRole('button', { name: 'Unfollow' }).click();
  await expect(count(page, 'Followers')).toHaveText('0');
  await expect(listed(page, 'Followers')).toHaveCount(0);
  await visit(page, `/@${me.username}`);
  await expect(count(page, 'Following')).toHaveText('0');
  await expect(listed(page, 'Following')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a tweet posted at home is on your profile at once, and one deleted there leaves home', async ({
  page,
  baseURL,
  problems,
}) => {
  const me = await signUp(page, baseURL as string);
  await visit(page, `/@${me.username}`);
  await expect(count(page, 'Tweets')).toHaveText('0');
  await visit(page, '/');
  await compose(page).fill('fresh from home');
  await page.getByRole('button', { name: 'Tweet' }).click();
  await expect(feed(page).first().locator('.text')).toHaveText('fresh from home');

  await visit(page, `/@${me.username}`);
  await expect(feed(page).locator('.text')).toHaveText(['fresh from home']);
  await expect(count(page, 'Tweets')).toHaveText('1');
  await feed(page).first().getByRole('button', { name: 'Delete this tweet' }).click();
  await expect(feed(page)).toHaveCount(0);
  await expect(count(page, 'Tweets')).toHaveText('0');
  await visit(page, '/');
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(feed(page)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('after following someone, home shows their tweets at once', async ({ page, baseURL, problems }) => {
  const other = await someone(baseURL as string, 'Prolific Person');
  await other.api.tweet.create.mutate({ text: 'written before you followed' });
  await signUp(page, baseURL as string);
  await expect(page.getByText('No tweets yet.')).toBeVisible();
  await visit(page, `/@${other.username}`);
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(page.getByRole('button', { name: 'Unfollow' })).toBeVisible();
  await visit(page, '/');
  await expect(feed(page).locator('.text')).toHaveText(['written before you followed']);
  expect(problems).toEqual([]);
});
