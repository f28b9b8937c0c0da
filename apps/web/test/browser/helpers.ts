import AxeBuilder from '@axe-core/playwright';
/** What the browser tests share: a page watched for errors, and people signed up through the page. */
import { createMiniterClient } from '@miniter/api/client';
import { test as base, expect, type Page } from '@playwright/test';

/** Console errors (a script or style the page's CSP refused would be one) and uncaught errors, into `problems`. */
export function watch(page: Page, problems: string[]): Page {
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/** Playwright's `test`, with `problems`: what went wrong on the test's `page` (and pages given to `watch`). */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    watch(page, problems);
    await use(problems);
  },
});
export { expect };

let people = 0;
/** A handle of its own for each person of the run (the database lives as long as the run). */
export const freshHandle = (prefix = 'person') => `${prefix}${++people}_${Date.now().toString(36)}`;

/** Logs `email` in through the API: a client acting as the same user as a page. */
async function client(baseURL: string, email: string) {
  const { accessToken, user } = await createMiniterClient({ url: `${baseURL}/trpc` }).auth.login.mutate({
    email,
    password: 'password123',
  });
  return { id: user.id, api: createMiniterClient({ url: `${baseURL}/trpc`, token: accessToken }) };
}

/** Signs up through the page; resolves once the home timeline shows, with an API client of the same user. */
export async function signUp(page: Page, baseURL: string, name = `Person ${people + 1}`) {
  const username = freshHandle();
  const email = `${username}@example.com`;
  await page.goto('/');
  await page.getByRole('button', { name: 'New here? Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Handle').fill(username);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  return { name, username, email, ...(await client(baseURL, email)) };
}

/** Someone else, signed up through the API. */
export async function someone(baseURL: string, name: string, username = freshHandle()) {
  const email = `${username}@example.com`;
  await createMiniterClient({ url: `${baseURL}/trpc` }).auth.signUp.mutate({
    name,
    username,
    email,
    password: 'password123',
  });
  return { name, username, email, ...(await client(baseURL, email)) };
}

/** Client-side navigation, as a link within the app makes it: the page and its cache stay. */
export const visit = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);

export const feed = (page: Page) => page.getByRole('feed').getByRole('article');
export const compose = (page: Page) => page.getByLabel('What is happening?');

/** No serious or critical accessibility violation on the page as it is (axe-core), listed by rule and element. */
export async function expectNoSeriousViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}
