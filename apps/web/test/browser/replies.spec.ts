/**
 * Replies and threads: the reply button on every tweet, its box opened in place, and the thread
 * page (`/@handle/42`) with what a tweet answers above it and its replies below, indented by depth.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousViolations, feed, signUp, someone, test, visit } from './helpers.ts';

const replyButton = (tweet: Locator) => tweet.getByRole('button', { name: /^Reply \d+$/ });
const ancestors = (page: Page) => page.getByRole('region', { name: 'Earlier in the thread' }).getByRole('article');
const replies = (page: Page) => page.getByRole('region', { name: 'Replies' }).getByRole('article');
/** The tweet the thread page is about. */
const focused = (page: Page) => page.locator('article.focused');
const texts = (articles: Locator) => articles.locator('.text');
/** Where each article starts on the line: how far it is indented. */
const lefts = async (articles: Locator) =>
  Promise.all((await articles.all()).map(async (article) => (await article.boundingBox())?.x ?? Number.NaN));

test('replies in place from a list: counted at once, kept as text, and shown in its thread', async ({
  page,
  baseURL,
  problems,
}) => {
  const author = await someone(baseURL as string, 'Thread Author');
  const { id: rootId } = await author.api.tweet.create.mutate({ text: 'the first word' });
  const reader = await signUp(page, baseURL as string);
  await reader.api.follow.follow.mutate({ userId: author.id });
  await page.reload();
  const root = feed(page).filter({ hasText: 'the first word' });
  await expect(replyButton(root)).toHaveAccessibleName('Reply 0');
  await expect(replyButton(root)).toHaveAttribute('aria-expanded', 'false');

  await replyButton(root).click();
  await expect(replyButton(root)).toHaveAttribute('aria-expanded', 'true');
  const box = root.getByLabel(`Reply to @${author.username}`);
  await expect(box).toBeFocused();
  const text = '<script>window.injected = 1</script> agreed';
  await box.fill(text);
  await expectNoSeriousViolations(page, 'home, a reply box open');
  // Ctrl+Enter posts; the box closes and the focus goes back to the button, counted.
  await box.press('Control+Enter');
  await expect(replyButton(root)).toHaveAccessibleName('Reply 1');
  await expect(box).toHaveCount(0);
  await expect(replyButton(root)).toBeFocused();
  await expect(replyButton(root)).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await author.api.tweet.byId.query({ tweetId: rootId })).replyCount).toBe(1);
  // Escape closes a box opened by mistake, the focus back where it was.
  await replyButton(root).press('Enter');
  await expect(box).toBeFocused();
  await box.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(replyButton(root)).toBeFocused();

  // Your reply is on your home timeline, saying whom it answers, its markup as text.
  const reply = feed(page).first();
  await expect(reply.locator('.text')).toHaveText(text);
  await expect(reply.getByText(`Replying to @${author.username}`)).toBeVisible();
  await expect(reply.getByRole('link', { name: `@${author.username}` })).toHaveAttribute(
    'href',
    `/@${author.username}`,
  );
  expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();

  // Its time leads to its thread: what it answers above it.
  await reply.locator('a.permalink').click();
  await expect(page.getByRole('heading', { name: 'Thread', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/@${reader.username}/\\d+$`));
  await expect(texts(ancestors(page))).toHaveText(['the first word']);
  await expect(focused(page).locator('.text')).toHaveText(text);
  await expect(page.getByText('No replies yet.')).toBeVisible();
  // The tweet it answers, from the cache, counted there too.
  await expect(replyButton(ancestors(page).first())).toHaveAccessibleName('Reply 1');
  await expectNoSeriousViolations(page, 'a reply’s thread');
  expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();

  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '스레드' })).toBeVisible();
  await expect(focused(page).getByRole('button', { name: '답글 0' })).toBeVisible();
  await expect(focused(page).getByText(`@${author.username}님에게 보낸 답글`)).toBeVisible();
  await expect(page.getByLabel(`@${reader.username}님에게 답글 쓰기`)).toBeVisible();
  await page.getByLabel('언어').selectOption('en');
  expect(problems).toEqual([]);
});

test('shows a thread: what it answers above, the tweet, replies below indented by depth up to five steps', async ({
  page,
  baseURL,
  problems,
}) => {
  const author = await someone(baseURL as string, 'Deep Author');
  const other = await someone(baseURL as string, 'Deep Replier');
  const root = await author.api.tweet.create.mutate({ text: 'root of it all' });
  const chain = [];
  let parent = root;
  for (let depth = 1; depth <= 7; depth++) {
    const writer = depth % 2 ? other : author;
    parent = await writer.api.tweet.create.mutate({ text: `depth ${depth}`, inReplyToId: parent.id });
    chain.push(parent);
  }
  await other.api.tweet.create.mutate({ text: 'another direct reply', inReplyToId: root.id });
  await signUp(page, baseURL as string);

  await visit(page, `/@${author.username}/${root.id}`);
  await expect(focused(page).locator('.text')).toHaveText('root of it all');
  await expect(ancestors(page)).toHaveCount(0);
  await expect(replyButton(focused(page))).toHaveAccessibleName('Reply 2');
  await expect(replies(page)).toHaveCount(8);
  await expect(texts(replies(page))).toHaveText([...chain.map((_, n) => `depth ${n + 1}`), 'another direct reply']);
  await expect(replies(page).nth(1).getByText(`Replying to @${other.username}`)).toBeVisible();
  const x = await lefts(replies(page));
  // Each step deeper, further in, until depth 6 (five steps); depth 7 as deep as 6; a direct reply at the start.
  for (let n = 1; n <= 5; n++) expect(x[n], `depth ${n + 1}`).toBeGreaterThan(x[n - 1] as number);
  expect(x[6]).toBe(x[5]);
  expect(x[7]).toBe(x[0]);
  await expectNoSeriousViolations(page, 'a thread seven replies deep');

  // Replying under the thread's tweet: last among its direct replies, counted on it.
  const box = page.getByLabel(`Reply to @${author.username}`);
  await box.fill('mine, from the thread');
  await page.getByRole('button', { name: 'Post reply' }).click();
  await expect(replies(page)).toHaveCount(9);
  await expect(replies(page).last().locator('.text')).toHaveText('mine, from the thread');
  await expect(replyButton(focused(page))).toHaveAccessibleName('Reply 3');
  await expect(page.getByRole('status').filter({ hasText: 'Your reply is posted.' })).toHaveCount(1);
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  expect((await lefts(replies(page).last()))[0]).toBe(x[0]);

  // Replying in place to the deepest: it goes under it, as far in as it.
  const deepest = replies(page).filter({ hasText: 'depth 7' });
  await replyButton(deepest).click();
  await deepest.getByLabel(`Reply to @${other.username}`).fill('deeper still');
  await deepest.getByLabel(`Reply to @${other.username}`).press('Control+Enter');
  await expect(replyButton(deepest)).toHaveAccessibleName('Reply 1');
  await expect(replies(page).nth(7).locator('.text')).toHaveText('deeper still');
  expect((await lefts(replies(page).nth(7)))[0]).toBe(x[5]);
  // The server agrees, after a reload.
  await page.reload();
  await expect(replies(page)).toHaveCount(10);
  await expect(texts(replies(page)).nth(6)).toHaveText('depth 7');
  await expect(texts(replies(page)).nth(7)).toHaveText('deeper still');

  // A tweet in the middle: the chain above it, oldest first, and its own replies starting again at the left.
  const middle = chain[2];
  if (!middle) throw new Error('no chain');
  await visit(page, `/@${middle.author.username}/${middle.id}`);
  await expect(focused(page).locator('.text')).toHaveText('depth 3');
  await expect(texts(ancestors(page))).toHaveText(['root of it all', 'depth 1', 'depth 2']);
  await expect(replies(page)).toHaveCount(5);
  await expect(texts(replies(page))).toHaveText(['depth 4', 'depth 5', 'depth 6', 'depth 7', 'deeper still']);
  const fromMiddle = await lefts(replies(page));
  expect(fromMiddle[1]).toBeGreaterThan(fromMiddle[0] as number);
  expect(fromMiddle[0]).toBe(x[0]);

  // 320 px wide at 200% text: nothing wider than the screen.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(problems).toEqual([]);
});

test('shows more replies a page at a time', async ({ page, baseURL, problems }) => {
  const author = await someone(baseURL as string, 'Popular Author');
  const root = await author.api.tweet.create.mutate({ text: 'a popular one' });
  for (let n = 1; n <= 62; n++) await author.api.tweet.create.mutate({ text: `reply ${n}`, inReplyToId: root.id });
  await signUp(page, baseURL as string);
  await visit(page, `/@${author.username}/${root.id}`);
  await expect(replies(page)).toHaveCount(60);
  await expect(replyButton(focused(page))).toHaveAccessibleName('Reply 62');
  await page.getByRole('button', { name: 'Show more replies' }).click();
  await expect(replies(page)).toHaveCount(62);
  await expect(replies(page).last().locator('.text')).toHaveText('reply 62');
  await expect(page.getByRole('button', { name: 'Show more replies' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('shows that a parent was deleted, in the page and by its author’s account going; readable logged out', async ({
  page,
  browser,
  baseURL,
  problems,
}) => {
  const gone = await someone(baseURL as string, 'Soon Gone');
  const stays = await someone(baseURL as string, 'Stays Here');
  const first = await gone.api.tweet.create.mutate({ text: 'about to vanish' });
  const answer = await stays.api.tweet.create.mutate({ text: 'answering the vanished', inReplyToId: first.id });
  await stays.api.tweet.create.mutate({ text: 'and a reply below', inReplyToId: answer.id });
  await gone.api.auth.deleteAccount.mutate({ password: 'password123' });

  // Logged out, by its link: the thread reads, with nothing to press but links.
  const reader = await (await browser.newContext()).newPage();
  reader.on('pageerror', (error) => problems.push(error.message));
  await reader.goto(`/@${stays.username.toUpperCase()}/${answer.id}`);
  // One address per tweet: its author's handle as they write it.
  await expect(reader).toHaveURL(new RegExp(`/@${stays.username}/${answer.id}$`));
  await expect(reader.getByRole('heading', { name: 'Thread' })).toBeVisible();
  await expect(reader.getByText('This tweet was deleted')).toBeVisible();
  await expect(ancestors(reader)).toHaveCount(0);
  await expect(focused(reader).locator('.text')).toHaveText('answering the vanished');
  await expect(focused(reader).getByText('Replying to a deleted account')).toBeVisible();
  await expect(focused(reader).getByRole('button')).toHaveCount(0);
  await expect(focused(reader)).toContainText('Replies 1');
  await expect(texts(replies(reader))).toHaveText(['and a reply below']);
  await expect(reader.getByRole('link', { name: 'Log in to reply' })).toBeVisible();
  await expectNoSeriousViolations(reader, 'a thread logged out, what it answers gone');
  await reader.goto('/@nobody/999999999');
  await expect(
    reader.getByRole('heading', { name: 'There is no such tweet: it may have been deleted.' }),
  ).toBeVisible();

  // Logged in, deleting the tweet a thread shows above: the placeholder takes its place.
  const me = await signUp(page, baseURL as string);
  const mine = await me.api.tweet.create.mutate({ text: 'mine, to be deleted' });
  const theirs = await stays.api.tweet.create.mutate({ text: 'a reply to yours', inReplyToId: mine.id });
  await visit(page, `/@${stays.username}/${theirs.id}`);
  await expect(texts(ancestors(page))).toHaveText(['mine, to be deleted']);
  await expect(page.getByText('This tweet was deleted')).toHaveCount(0);
  await ancestors(page).first().getByRole('button', { name: 'Delete this tweet' }).click();
  await expect(page.getByText('This tweet was deleted')).toBeVisible();
  await expect(ancestors(page)).toHaveCount(0);
  await expect(focused(page).getByText(`Replying to @${me.username}`)).toBeVisible();
  await expectNoSeriousViolations(page, 'a thread, what it answers deleted');
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test('takes a reply back, with its draft and the server’s reason, when the tweet is gone', async ({
  page,
  baseURL,
  problems,
}) => {
  const author = await someone(baseURL as string, 'Vanishing Author');
  const { id: tweetId } = await author.api.tweet.create.mutate({ text: 'gone before the reply' });
  await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Explore' }).click();
  const article = feed(page).filter({ hasText: 'gone before the reply' });
  await expect(article).toHaveCount(1);
  await author.api.tweet.delete.mutate({ tweetId });
  await replyButton(article).click();
  const box = article.getByLabel(`Reply to @${author.username}`);
  await box.fill('too late');
  await article.getByRole('button', { name: 'Post reply' }).click();
  await expect(article.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('Not found: it may have been deleted');
  await expect(box).toHaveValue('too late');
  await expect(replyButton(article)).toHaveAccessibleName('Reply 0');
  // Shown at once on your home timeline, and gone from it with the refusal.
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible();
  await expect(page.getByText('too late')).toHaveCount(0);
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
