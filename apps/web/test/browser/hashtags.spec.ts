/**
 * Links in a tweet's text (web addresses out of the app, the accounts it mentions, its hashtags),
 * a hashtag's page (`/tags/seoul`, readable logged out), and hashtags offered by the search box.
 */
import type { Locator, Page } from '@playwright/test';
import { compose, expect, expectNoSeriousViolations, feed, freshHandle, signUp, someone, test } from './helpers.ts';

const text = (article: Locator) => article.locator('.text');
const injected = (page: Page) => page.evaluate(() => (window as { injected?: number }).injected);
const seoulKo = `/tags/${encodeURIComponent('서울')}`;

test('links a tweet’s web address, the account it mentions and its hashtags, its markup kept as text', async ({
  page,
  browser,
  baseURL,
  problems,
}) => {
  const mentioned = await someone(baseURL as string, 'Mentioned Person');
  // A handle nobody has: it stays text.
  const nobody = freshHandle('nobody');
  const mark = freshHandle('mark');
  const written = `${mark} hi @${mentioned.username}, not @${nobody}: #서울 #Seoul https://example.com/a?b=1 <script>window.injected = 1</script>`;
  await signUp(page, baseURL as string);
  await compose(page).fill(written);
  await page.getByRole('button', { name: 'Tweet' }).click();
  const tweet = feed(page).filter({ hasText: mark });
  await expect(text(tweet)).toHaveText(written);

  // The mention is linked once the server has read it, to the profile; the other handle is text.
  const mention = text(tweet).getByRole('link', { name: `@${mentioned.username}` });
  await expect(mention).toHaveAttribute('href', `/@${mentioned.username}`);
  await expect(text(tweet).getByRole('link', { name: nobody })).toHaveCount(0);
  await expect(text(tweet).getByText(`not @${nobody}:`)).toBeVisible();
  await expect(text(tweet).getByRole('link', { name: '#서울' })).toHaveAttribute('href', seoulKo);
  await expect(text(tweet).getByRole('link', { name: '#Seoul' })).toHaveAttribute('href', '/tags/seoul');
  const web = text(tweet).getByRole('link', { name: 'https://example.com/a?b=1' });
  await expect(web).toHaveAttribute('href', 'https://example.com/a?b=1');
  await expect(web).toHaveAttribute('target', '_blank');
  await expect(web).toHaveAttribute('rel', 'nofollow noopener noreferrer');
  await expect(web).toHaveAccessibleDescription('Opens in a new tab');
  await expect(text(tweet).getByRole('link')).toHaveCount(4);
  // The markup is text, and ran nowhere.
  await expect(text(tweet)).toContainText('<script>window.injected = 1</script>');
  await expect(text(tweet).locator('script')).toHaveCount(0);
  expect(await injected(page)).toBeUndefined();
  await expectNoSeriousViolations(page, 'home, a tweet with links');

  await mention.click();
  await expect(page).toHaveURL(new RegExp(`/@${mentioned.username}$`));
  await expect(page.getByRole('heading', { name: 'Mentioned Person', level: 1 })).toBeVisible();
  await page.goBack();

  // A hashtag leads to its page: its tweets, newest first, linked there too.
  await text(tweet).getByRole('link', { name: '#서울' }).click();
  await expect(page).toHaveURL(new RegExp(`${seoulKo}$`));
  await expect(page.getByRole('heading', { name: '#서울', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('#서울 – Miniter');
  const tagged = page.getByRole('region', { name: 'Tweets tagged #서울' }).getByRole('article');
  await expect(text(tagged.first())).toHaveText(written);
  await expect(text(tagged.first()).getByRole('link', { name: `@${mentioned.username}` })).toBeVisible();
  await expectNoSeriousViolations(page, 'a hashtag’s page');
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('region', { name: '#서울 해시태그가 달린 트윗' })).toBeVisible();
  await expect(
    text(feed(page).first()).getByRole('link', { name: 'https://example.com/a?b=1' }),
  ).toHaveAccessibleDescription('새 탭에서 열립니다');
  await page.getByLabel('언어').selectOption('en');

  // #Seoul's page is its key's: `/tags/seoul`, whatever the case in the address.
  await text(tagged.first()).getByRole('link', { name: '#Seoul' }).click();
  await expect(page).toHaveURL(/\/tags\/seoul$/);
  await expect(page.getByRole('heading', { name: '#seoul', level: 1 })).toBeVisible();
  await expect(text(feed(page).filter({ hasText: mark }))).toHaveText(written);

  // Logged out, by its address in another case: the same page, nothing to press but links.
  const reader = await (await browser.newContext()).newPage();
  reader.on('pageerror', (error) => problems.push(error.message));
  await reader.goto('/tags/SEOUL');
  await expect(reader).toHaveURL(/\/tags\/seoul$/);
  await expect(reader.getByRole('heading', { name: '#seoul', level: 1 })).toBeVisible();
  const theirs = feed(reader).filter({ hasText: mark });
  await expect(text(theirs)).toHaveText(written);
  await expect(text(theirs).getByRole('link')).toHaveCount(4);
  await expect(theirs.getByRole('button')).toHaveCount(0);
  expect(await injected(reader)).toBeUndefined();
  await expectNoSeriousViolations(reader, 'a hashtag’s page logged out');
  await reader.goto(`/tags/${encodeURIComponent('#서울')}`);
  await expect(reader).toHaveURL(new RegExp(`${seoulKo}$`));
  await expect(text(feed(reader).filter({ hasText: mark }))).toHaveText(written);
  expect(problems).toEqual([]);
});

test('pages through a hashtag’s tweets, says when none carries one, and what is no hashtag', async ({
  page,
  baseURL,
  problems,
}) => {
  const writer = await someone(baseURL as string, 'Tag Writer');
  const tag = freshHandle('many');
  for (let n = 1; n <= 25; n++) await writer.api.tweet.create.mutate({ text: `#${tag} number ${n}` });
  await writer.api.tweet.create.mutate({ text: `#${tag}_not the same tag` });

  await page.setViewportSize({ width: 800, height: 400 });
  await page.goto(`/tags/${tag}`);
  await expect(feed(page)).toHaveCount(20);
  await expect(text(feed(page).first())).toHaveText(`#${tag} number 25`);
  const more = page.getByRole('button', { name: 'Load more' });
  await more.click();
  await expect(feed(page)).toHaveCount(25);
  await expect(more).toHaveCount(0);
  await expect(text(feed(page).last())).toHaveText(`#${tag} number 1`);

  await page.goto('/tags/nothing_tagged_yet');
  await expect(page.getByRole('heading', { name: '#nothing_tagged_yet', level: 1 })).toBeVisible();
  await expect(page.getByText('No tweets carry this hashtag yet.')).toBeVisible();
  await expect(page.getByRole('feed')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'a hashtag no tweet carries');

  // The server refuses what cannot be a hashtag: the page says so, in the reader's language.
  for (const refused of ['1234', encodeURIComponent('two words'), '%E0%A4%A']) {
    await page.goto(`/tags/${refused}`);
    await expect(page.getByRole('heading', { name: 'This is not a hashtag', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('A hashtag is letters, digits or _');
    await expect(page).toHaveTitle('This is not a hashtag – Miniter');
  }
  await expectNoSeriousViolations(page, 'no hashtag');
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '해시태그가 아닙니다', level: 1 })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('해시태그는 글자, 숫자, _로 쓰며');
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});

test('offers hashtags in the search box for text that starts with #', async ({ page, baseURL, problems }) => {
  const writer = await someone(baseURL as string, 'Seoul Writer');
  await writer.api.tweet.create.mutate({ text: 'a day in #Seoul, #서울' });
  await signUp(page, baseURL as string);
  const box = page.getByRole('combobox', { name: 'Search people and #hashtags' });
  const list = page.getByRole('listbox', { name: 'Search people and #hashtags' });

  await box.fill('#seo');
  await expect(list.getByRole('option', { name: '#seoul', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /hashtags? found/ })).toHaveCount(1);
  await expectNoSeriousViolations(page, 'the search box offering hashtags');
  await list.getByRole('option', { name: '#seoul', exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/seoul$/);
  await expect(page.getByRole('heading', { name: '#seoul', level: 1 })).toBeVisible();
  await expect(box).toHaveValue('');

  // By keyboard: the first offered, chosen with the arrow key.
  await box.fill('#서');
  await expect(list.getByRole('option')).toHaveText(['#서울']);
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${seoulKo}$`));
  await expect(page.getByRole('heading', { name: '#서울', level: 1 })).toBeVisible();

  // Enter with none chosen opens the hashtag typed.
  await box.fill('#SEOUL');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/tags\/seoul$/);
  expect(problems).toEqual([]);
});
