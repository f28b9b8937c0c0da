/**
 * `pnpm screenshot`: the README's picture of the home timeline, taken from the real app. Starts
 * `pnpm start` on a throwaway SQLite database, writes a few tweets through the API, signs in in
 * Debian's Chromium and saves `apps/web/screenshot.png` (Korean and emoji need fonts: Debian's
 * `fonts-nanum` and `fonts-noto-color-emoji`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMiniterClient } from '@miniter/api/client';
import { chromium } from '@playwright/test';
import { startServerProcess } from '../../server/test/e2e/start.ts';

const server = startServerProcess({
  DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'miniter-shot-')), 'shot.sqlite')}`,
  PORT: '0',
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(32),
  BCRYPT_COST: '10',
  WORKERS: '1',
});
try {
  const url = await server.listening;
  const anonymous = createMiniterClient({ url: `${url}/trpc` });
  const person = async (name: string, email: string) => {
    await anonymous.auth.signUp.mutate({ name, email, password: 'password123' });
    const { accessToken, user } = await anonymous.auth.login.mutate({ email, password: 'password123' });
    return { id: user.id, api: createMiniterClient({ url: `${url}/trpc`, token: accessToken }) };
  };
  const song = await person('송은우', 'song@example.com');
  const lee = await person('Lee', 'lee@example.com');
  await song.api.follow.follow.mutate({ userId: lee.id });
  for (const [who, text] of [
    [lee, 'Reading "깔끔한 파이썬 탄탄한 백엔드" again, this time in TypeScript 📘'],
    [song, '안녕하세요, Miniter! 첫 트윗입니다 🎉'],
    [lee, 'tRPC + TanStack Query: no hand-written request type anywhere.'],
  ] as const) {
    await who.api.tweet.create.mutate({ text });
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 900, height: 720 } });
  await page.goto(url);
  await page.getByLabel('Email').fill('song@example.com');
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('feed').getByRole('article').nth(2).waitFor();
  await lee.api.tweet.create.mutate({ text: 'Live: this one waits behind the button.' });
  await page.getByRole('button', { name: '1 new tweet' }).waitFor();
  const file = join(import.meta.dirname, '../screenshot.png');
  await page.screenshot({ path: file });
  await browser.close();
  console.log(`wrote ${file}`);
} finally {
  if (server.child.pid) process.kill(-server.child.pid, 'SIGTERM');
}
