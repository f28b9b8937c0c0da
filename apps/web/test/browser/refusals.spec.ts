/**
 * The server's refusals in the Korean interface: each beside its field, in Korean, worded from the
 * error's codes (`data.issues`), never the server's English or its input names.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, signUp, someone, test, watch } from './helpers.ts';

/** A page in a browser that asks for Korean. */
async function koreanPage(browser: Browser, problems: string[]) {
  return watch(await (await browser.newContext({ locale: 'ko-KR' })).newPage(), problems);
}

/** Signs up, switches to Korean and opens the settings. */
async function koreanSettings(page: Page, baseURL: string) {
  await signUp(page, baseURL);
  await page.getByLabel('Language').selectOption('ko');
  await page.getByRole('link', { name: '설정' }).click();
}

/** No English sentence and no input name of the server's on the page. */
async function expectNoEnglish(page: Page) {
  const text = await page.locator('main').textContent();
  expect(text).not.toMatch(/must|invalid|password|username|newPassword|userId|null/i);
}

test('sign-up refusals show beside their fields, in Korean', async ({ browser, baseURL, problems }) => {
  const taken = await someone(baseURL as string, 'Taken');
  const page = await koreanPage(browser, problems);
  await page.goto('/');
  await page.getByRole('button', { name: '처음이신가요? 가입하기' }).click();
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const [name, handle, email, password] = [field('이름'), field('핸들'), field('이메일'), field('비밀번호')];
  await handle.fill('admin');
  await email.fill('not-an-email');
  await password.fill('short');
  await page.getByRole('button', { name: '가입하기', exact: true }).click();
  await expect(name).toHaveAccessibleDescription('필수 항목입니다');
  await expect(handle).toHaveAccessibleDescription(/예약된 핸들입니다/);
  await expect(email).toHaveAccessibleDescription('올바른 이메일 주소를 입력하세요');
  await expect(password).toHaveAccessibleDescription('8자 이상이어야 합니다');
  // The focus is on the first field refused.
  await expect(name).toBeFocused();
  await expectNoEnglish(page);

  // A handle someone has, in another case: refused beside the handle, the rest accepted.
  await name.fill('새 사람');
  await handle.fill(taken.username.toUpperCase());
  await email.fill(`new-${Date.now()}@example.com`);
  await password.fill('password123');
  await page.getByRole('button', { name: '가입하기', exact: true }).click();
  await expect(handle).toHaveAccessibleDescription(/이미 쓰이는 핸들입니다/);
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(handle).toBeFocused();
  await expectNoEnglish(page);
  expect(problems.filter((p) => !/status of (400|409)/.test(p))).toEqual([]);
});

test('settings refusals in Korean: a short new password, a wrong current one, an invisible character', async ({
  page,
  baseURL,
  problems,
}) => {
  await koreanSettings(page, baseURL as string);
  const current = page.getByLabel('현재 비밀번호');
  const next = page.getByLabel('새 비밀번호');
  const change = page.getByRole('button', { name: '비밀번호 변경' });
  await current.fill('password123');
  await next.fill('short');
  await change.click();
  await expect(next).toHaveAccessibleDescription('8자 이상이어야 합니다');
  await current.fill('not my password');
  await next.fill('a long enough password');
  await change.click();
  await expect(current).toHaveAccessibleDescription('비밀번호가 올바르지 않습니다');
  await expect(next).toHaveAttribute('aria-invalid', 'false');

  const name = page.getByLabel('이름');
  await name.fill('보이지\u200b않는');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(name).toHaveAccessibleDescription('보이지 않는 문자는 쓸 수 없습니다 (U+200B)');
  await expectNoEnglish(page);
  expect(problems.filter((p) => !/status of (400|403)/.test(p))).toEqual([]);
});

test('a refusal of a kind the app does not know, and a server out of reach, still speak Korean', async ({
  page,
  baseURL,
  problems,
}) => {
  await koreanSettings(page, baseURL as string);
  const issues = [{ path: ['username'], code: 'a_code_from_the_future', message: 'English', params: {} }];
  await page.route('**/trpc/user.updateProfile*', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      json: { error: { message: 'English', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, issues } } },
    }),
  );
  await page.getByLabel('핸들').fill('whatever');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByLabel('핸들')).toHaveAccessibleDescription(/서버가 요청을 거절했습니다$/);
  await page.unroute('**/trpc/user.updateProfile*');
  await page.route('**/trpc/user.updateProfile*', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByRole('alert')).toHaveText('서버에 연결할 수 없습니다. 잠시 후 다시 시도하세요');
  await expectNoEnglish(page);
  expect(problems.filter((p) => !/status of 400|ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
});

test('an address with no user id in it sends no call with a null id', async ({ page, baseURL, problems }) => {
  await signUp(page, baseURL as string);
  await page.getByLabel('Language').selectOption('ko');
  const sent: string[] = [];
  page.on('request', (request) => sent.push(decodeURIComponent(request.url()) + (request.postData() ?? '')));
  for (const address of ['/u/abc', '/u/', '/u/-1', '/u/1.5']) {
    await page.goto(address);
    await expect(
      page.getByRole('heading', { name: '그런 사용자가 없습니다.' }).or(page.getByRole('heading', { name: '홈' })),
    ).toBeVisible();
  }
  await page.goto('/u/abc');
  await expect(page.getByRole('heading', { name: '그런 사용자가 없습니다.' })).toBeVisible();
  expect(sent.filter((url) => /null|NaN/.test(url))).toEqual([]);
  await expectNoEnglish(page);
  expect(problems).toEqual([]);
});
