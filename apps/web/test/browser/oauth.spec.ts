/**
 * OAuth 2 as a Mastodon app meets it in the browser: the authorize page (log in on the way, the
 * application and its scopes in plain words, Authorize or Deny, the out-of-band code, refusals
 * shown and never followed), and the authorized apps in Settings. The application's redirect URI
 * is answered by `page.route`: nothing leaves the machine.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, freshHandle, someone, test } from './helpers.ts';

const redirectUri = 'https://app.example/callback';
const outOfBand = 'urn:ietf:wg:oauth:2.0:oob';

interface App {
  name: string;
  client_id: string;
  client_secret: string;
}

/** Registers an application as a Mastodon app does, under a name of its own. */
async function registerApp(baseURL: string): Promise<App> {
  const response = await fetch(`${baseURL}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: `Toot ${freshHandle('app')}`,
      redirect_uris: [redirectUri, outOfBand],
      scopes: 'read write follow',
      website: 'https://app.example',
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as App;
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

/** The authorize page's address for `app`, as the application builds it. */
const authorizePath = (app: App, params: Record<string, string> = {}) =>
  `/oauth/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: redirectUri,
    scope: 'read write follow',
    ...params,
  })}`;

/** What the application does with the code: the token endpoint, with its secret and PKCE verifier. */
async function exchange(baseURL: string, app: App, code: string, extra: Record<string, string> = {}) {
  const response = await fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: redirectUri,
      code,
      ...extra,
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Mastodon's `verify_credentials` with a token, as the application calls it: the status and handle. */
async function me(baseURL: string, token: string) {
  const response = await fetch(`${baseURL}/api/v1/accounts/verify_credentials`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { username?: string };
  return { status: response.status, username: body.username };
}

/** The application's end of the redirect: a page of its own, served here. */
async function answerRedirects(page: Page) {
  await page.route(`${new URL(redirectUri).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Toot</title><p>Back in the app</p>' }),
  );
}

async function logIn(page: Page, email: string) {
  await expect(page.getByRole('heading', { name: 'Log in to Miniter' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

test('logs in on the way, authorizes with PKCE, and the application’s token works', async ({
  page,
  baseURL,
  problems,
}) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Authorizing Person')];
  await answerRedirects(page);
  const { verifier, challenge } = pkce();
  const response = await page.goto(
    authorizePath(app, { state: 'st@te 1', code_challenge: challenge, code_challenge_method: 'S256' }),
  );
  // No other site may frame the page where a person grants access (clickjacking).
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Log in to let an application use your Miniter account.',
  );
  await logIn(page, person.email);

  // Back on the same request, signed in: the application and what it may do.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Let ${app.name} use your account?`);
  await expect(page).toHaveTitle(`Authorize ${app.name} – Miniter`);
  await expect(page.getByRole('link', { name: 'https://app.example' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'It will be able to:' }).getByRole('listitem')).toHaveText([
    'Read your tweets, follows and profile',
    'Post and delete tweets, follow people and change your profile on your behalf',
    'Follow and unfollow people, and see whom you follow',
  ]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: 'Authorize' }).click();
  await page.waitForURL(`${redirectUri}?**`);
  const back = new URL(page.url());
  expect(back.searchParams.get('state')).toBe('st@te 1');
  const code = back.searchParams.get('code') as string;
  expect(code).toMatch(/^[\w-]{43}$/);

  const token = await exchange(base, app, code, { code_verifier: verifier });
  expect(await me(base, token)).toEqual({ status: 200, username: person.username });
  expect(problems).toEqual([]);
});

test('another site cannot frame the authorize page (clickjacking)', async ({ page, baseURL, problems }) => {
  const base = baseURL as string;
  const app = await registerApp(base);
  // A site of another origin that frames the page, served for real: Chromium treats a page that
  // `page.route` made up as public, and its local-network checks would refuse the frame first.
  const evil = createServer((_req, res) =>
    res
      .setHeader('content-type', 'text/html')
      .end(`<!doctype html><title>Win a prize</title><iframe src="${base}${authorizePath(app)}"></iframe>`),
  );
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  try {
    const framed = page.waitForResponse((r) => new URL(r.url()).pathname === '/oauth/authorize');
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    expect((await framed).headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // Chromium shows its own error page in the frame: nothing of Miniter's to click on.
    await expect
      .poll(() => page.frames().map((frame) => frame.url()))
      .toEqual([expect.stringContaining('127.0.0.1'), 'chrome-error://chromewebdata/']);
  } finally {
    evil.close();
  }
  expect(problems.filter((problem) => !/frame-ancestors/.test(problem))).toEqual([]);
});

test('Deny goes back to the application with access_denied and the state', async ({ page, baseURL, problems }) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Denying Person')];
  await answerRedirects(page);
  await page.goto(authorizePath(app, { state: 'xyz' }));
  await logIn(page, person.email);
  await page.getByRole('button', { name: 'Deny' }).click();
  await page.waitForURL(`${redirectUri}?**`);
  const back = new URL(page.url());
  expect(Object.fromEntries(back.searchParams)).toEqual({ error: 'access_denied', state: 'xyz' });
  expect(problems).toEqual([]);
});

test('the out-of-band URI shows the code to copy, from the keyboard', async ({ page, context, baseURL, problems }) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Copying Person')];
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(authorizePath(app, { redirect_uri: outOfBand, scope: 'read' }));
  await logIn(page, person.email);
  await expect(page.getByRole('list', { name: 'It will be able to:' }).getByRole('listitem')).toHaveText([
    'Read your tweets, follows and profile',
  ]);
  // The question has the focus once logged in; Tab goes on to the link, then to Authorize.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'https://app.example' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The code's heading takes the focus; the code is in a field of its own, ready to copy.
  await expect(page.getByRole('heading', { name: 'Your authorization code' })).toBeFocused();
  await expect(page.getByText(`Copy this code and paste it into ${app.name} to finish.`)).toBeVisible();
  const code = await page.getByLabel('Authorization code').inputValue();
  expect(code).toMatch(/^[\w-]{43}$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  const token = await exchange(base, app, code, { redirect_uri: outOfBand });
  expect((await me(base, token)).status).toBe(200);
  expect(problems).toEqual([]);
});

test('the out-of-band URI’s Deny says so, going nowhere', async ({ page, baseURL, problems }) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Staying Person')];
  const path = authorizePath(app, { redirect_uri: outOfBand });
  await page.goto(path);
  await logIn(page, person.email);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeFocused();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(path);
  expect(problems).toEqual([]);
});

test('refusals are shown on the page, in Korean, and never followed', async ({ browser, baseURL, problems }) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Careful Person')];
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  const left: string[] = [];
  await page.route('https://**', (route) => {
    left.push(route.request().url());
    return route.abort();
  });

  // An unregistered redirect URI: refused before anyone logs in.
  const evil = authorizePath(app, { redirect_uri: 'https://evil.example/steal' });
  await page.goto(evil);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('이 승인 요청은 쓸 수 없습니다');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveText(
    '돌아갈 주소(redirect_uri)가 이 애플리케이션이 등록한 주소가 아닙니다.',
  );
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe('/oauth/authorize');

  // An unknown client, and a response_type other than code.
  await page.goto(authorizePath({ ...app, client_id: 'nobody' }));
  await expect(page.getByRole('alert')).toHaveText('이 client_id로 등록된 애플리케이션이 없습니다.');
  await page.goto(authorizePath(app, { response_type: 'token' }));
  await expect(page.getByRole('alert')).toContainText('response_type=code만 지원합니다');

  // A plain PKCE challenge: refused when the person authorizes, on the page.
  await page.goto(authorizePath(app, { code_challenge: pkce().verifier, code_challenge_method: 'plain' }));
  await page.getByLabel('이메일').fill(person.email);
  await page.getByLabel('비밀번호').fill('password123');
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${app.name}에 내 계정 사용을 허용할까요?`);
  await expect(page.getByRole('listitem').first()).toHaveText('내 트윗, 팔로우, 프로필 읽기');
  await page.getByRole('button', { name: '허용' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    '이 애플리케이션의 코드 챌린지 방식은 지원하지 않습니다. S256만 지원합니다.',
  );
  expect(new URL(page.url()).pathname).toBe('/oauth/authorize');
  expect(left).toEqual([]);
  // The browser reports each refused call (400, 422) as a console error; nothing else went wrong.
  expect(problems.filter((p) => !/status of 4(00|22)/.test(p))).toEqual([]);
  await context.close();
});

test('force_login signs out whoever is signed in, then comes back to the request', async ({
  page,
  baseURL,
  problems,
}) => {
  const base = baseURL as string;
  const [app, first, second] = [
    await registerApp(base),
    await someone(base, 'First Person'),
    await someone(base, 'Second Person'),
  ];
  await page.goto('/');
  await logIn(page, first.email);
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  const firstSession = await page.evaluate(() => JSON.parse(localStorage.getItem('miniter.session') ?? '{}').token);
  await page.goto(authorizePath(app, { redirect_uri: outOfBand, force_login: 'true' }));
  await logIn(page, second.email);
  await page.getByRole('button', { name: 'Authorize' }).click();
  const code = await page.getByLabel('Authorization code').inputValue();
  const token = await exchange(base, app, code, { redirect_uri: outOfBand });
  expect(await me(base, token)).toEqual({ status: 200, username: second.username });
  // The first person's session on the page ended.
  expect((await me(base, firstSession)).status).toBe(401);
  expect(problems).toEqual([]);
});

test('Settings lists the authorized app, and Revoke ends its token', async ({ page, baseURL, problems }) => {
  const base = baseURL as string;
  const [app, person] = [await registerApp(base), await someone(base, 'Revoking Person')];
  const { code } = await person.api.oauth.authorize.mutate({
    clientId: app.client_id,
    redirectUri,
    scope: 'read write',
  });
  const token = await exchange(base, app, code);
  expect((await me(base, token)).status).toBe(200);

  await page.goto('/settings');
  await logIn(page, person.email);
  await page.getByRole('link', { name: 'Settings' }).click();
  const apps = page.getByRole('region', { name: 'Authorized apps' });
  const item = apps.getByRole('listitem').filter({ has: page.getByRole('heading', { name: app.name }) });
  await expect(item.getByRole('link', { name: 'https://app.example' })).toBeVisible();
  await expect(item.getByRole('listitem')).toHaveText([
    'Read your tweets, follows and profile',
    'Post and delete tweets, follow people and change your profile on your behalf',
  ]);
  await expect(item.locator('dd')).toHaveText([/\d/, /ago|now/]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Revoke asks first; Cancel keeps it.
  const revoke = item.getByRole('button', { name: `Revoke ${app.name}` });
  await revoke.click();
  await expect(item.getByRole('button', { name: 'Revoke access' })).toBeFocused();
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(revoke).toBeFocused();
  await expect(item.getByRole('button', { name: 'Revoke access' })).toBeHidden();
  await revoke.click();
  await item.getByRole('button', { name: 'Revoke access' }).click();
  await expect(apps.getByText('No application can use your account.')).toBeVisible();
  await expect(apps.getByRole('heading', { name: 'Authorized apps' })).toBeFocused();
  expect((await me(base, token)).status).toBe(401);
  expect(problems).toEqual([]);
});
