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
/** Signs up through the page; resolves once the home timeline shows, with an API client of the same user. */
export async function signUp(page: Page, baseURL: string) {
  const name = `Person ${++people}`;
  const email = `person${people}-${Date.now()}@example.com`;
  await page.goto('/');
  await page.getByRole('button', { name: 'New here? Sign up' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  const api = createMiniterClient({ url: `${baseURL}/trpc` });
  const { accessToken, user } = await api.auth.login.mutate({ email, password: 'password123' });
  return { name, email, id: user.id, api: createMiniterClient({ url: `${baseURL}/trpc`, token: accessToken }) };
}

/** Someone else, signed up through the API. */
export async function someone(baseURL: string, name: string) {
  const email = `${name.toLowerCase().replaceAll(' ', '.')}-${Date.now()}-${++people}@example.com`;
  const anonymous = createMiniterClient({ url: `${baseURL}/trpc` });
  await anonymous.auth.signUp.mutate({ name, email, password: 'password123' });
  const { accessToken, user } = await anonymous.auth.login.mutate({ email, password: 'password123' });
  return { name, email, id: user.id, api: createMiniterClient({ url: `${baseURL}/trpc`, token: accessToken }) };
}

export const feed = (page: Page) => page.getByRole('feed').getByRole('article');
export const compose = (page: Page) => page.getByLabel('What is happening?');
