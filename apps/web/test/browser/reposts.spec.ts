/**
 * Reposts: the button on every tweet, shown at once and settled by the server; a repost in the
 * reposter's profile and in their followers' home timelines (live, behind "N new tweets"), under who
 * passed it on, once; its address is its tweet's.
 */
import type { Locator } from '@playwright/test';
import { expect, expectNoSeriousViolations, feed, signUp, someone, test, visit, watch } from './helpers.ts';

const repostButton = (tweet: Locator) => tweet.getByRole('button', { name: /^Repost \d+$/ });
const likeButton = (tweet: Locator) => tweet.getByRole('button', { name: /^Like \d+$/ });

test('reposts from home: pressed and counted at once, under who passed it on in their profile and once in a follower’s home, then taken back', async ({
  page,
  browser,
  baseURL,
  problems,
}) => {
  const author = await someone(baseURL as string, 'Passed Author');
  const { id: tweetId } = await author.api.tweet.create.mutate({ text: 'pass this on' });
  const reposter = await signUp(page, baseURL as string);
  await reposter.api.follow.follow.mutate({ userId: author.id });
  // A follower of both, who liked the tweet, watching their home in another browser.
  const followerPage = watch(await (await browser.newContext()).newPage(), problems);
  const follower = await signUp(followerPage, baseURL as string);
  await follower.api.follow.follow.mutate({ userId: author.id });
  await follower.api.follow.follow.mutate({ userId: reposter.id });
  await follower.api.tweet.like.mutate({ tweetId });
  await followerPage.reload();
  await expect(feed(followerPage).locator('.text')).toHaveText(['pass this on']);
  await expect(likeButton(feed(followerPage).first())).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  const original = feed(page).filter({ hasText: 'pass this on' });
  const repost = repostButton(original);
  await expect(repost).toHaveAccessibleName('Repost 0');
  await expect(repost).toHaveAttribute('aria-pressed', 'false');
  await followerPage.waitForTimeout(500); // the follower's stream opens
  await repost.click();
  await expect(repost).toHaveAttribute('aria-pressed', 'true');
  await expect(repost).toHaveAccessibleName('Repost 1');
  await expect.poll(async () => (await author.api.tweet.byId.query({ tweetId })).repostCount).toBe(1);
  // The home shown stays as it is (the tweet does not jump away from under the pointer).
  await expect(feed(page)).toHaveCount(1);
  await expect(original.getByText('reposted')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'home, a tweet reposted');

  // The follower's home: behind "1 new tweet", then the tweet once, at the repost, liked as it was.
  const arrived = followerPage.getByRole('button', { name: '1 new tweet' });
  await expect(arrived).toBeVisible({ timeout: 5000 });
  await arrived.click();
  await expect(feed(followerPage)).toHaveCount(1);
  const passed = feed(followerPage).first();
  await expect(passed.getByText(`@${reposter.username} reposted`)).toBeVisible();
  await expect(passed.getByRole('link', { name: `@${reposter.username}` })).toHaveAttribute(
    'href',
    `/@${reposter.username}`,
  );
  await expect(passed).toHaveAccessibleName(`@${reposter.username} reposted ${author.name}`);
  await expect(passed.locator('.text')).toHaveText('pass this on');
  await expect(passed.locator('a.permalink')).toHaveAttribute('href', `/@${author.username}/${tweetId}`);
  await expect(repostButton(passed)).toHaveAccessibleName('Repost 1');
  await expect(repostButton(passed)).toHaveAttribute('aria-pressed', 'false');
  await expect(likeButton(passed)).toHaveAttribute('aria-pressed', 'true');
  await expect(likeButton(passed)).toHaveAccessibleName('Like 1');
  await expectNoSeriousViolations(followerPage, 'a follower’s home, a repost revealed');
  // As the server has it: once.
  await followerPage.reload();
  await expect(feed(followerPage)).toHaveCount(1);
  await expect(feed(followerPage).first().getByText(`@${reposter.username} reposted`)).toBeVisible();

  // The reposter's profile: their entry, under who passed it on, the tweet's own author, counts and link.
  await visit(page, `/@${reposter.username}`);
  const entry = feed(page).first();
  await expect(entry.getByText(`@${reposter.username} reposted`)).toBeVisible();
  await expect(entry.getByRole('link', { name: author.name })).toBeVisible();
  await expect(entry.locator('.text')).toHaveText('pass this on');
  await expect(entry.locator('a.permalink')).toHaveAttribute('href', `/@${author.username}/${tweetId}`);
  await expect(repostButton(entry)).toHaveAttribute('aria-pressed', 'true');
  await expect(repostButton(entry)).toHaveAccessibleName('Repost 1');
  await expectNoSeriousViolations(page, 'a profile with a repost');
  await page.getByLabel('Language').selectOption('ko');
  await expect(entry.getByText(`@${reposter.username}님이 재게시했습니다`)).toBeVisible();
  await expect(entry.getByRole('button', { name: '재게시 1' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousViolations(page, 'a profile with a repost, in Korean');
  await page.getByLabel('언어').selectOption('en');

  // A repost's address is its tweet's thread.
  const repostId = (await reposter.api.tweet.byAuthor.query({ userId: reposter.id })).items[0]?.id;
  await visit(page, `/@${reposter.username}/${repostId}`);
  await expect(page).toHaveURL(new RegExp(`/@${author.username}/${tweetId}$`));
  await expect(page.locator('article.focused .text')).toHaveText('pass this on');
  await expect(repostButton(page.locator('article.focused'))).toHaveAttribute('aria-pressed', 'true');

  // Logged out: the count, nothing to press.
  const reader = await (await browser.newContext()).newPage();
  reader.on('pageerror', (error) => problems.push(error.message));
  await reader.goto(`/@${reposter.username}/${repostId}`);
  await expect(reader).toHaveURL(new RegExp(`/@${author.username}/${tweetId}$`));
  await expect(reader.locator('article.focused')).toContainText('Reposts 1');
  await expect(reader.locator('article.focused').getByRole('button')).toHaveCount(0);

  // The reposter's home, read again: the tweet at their repost. Taken back there, it stays where it
  // is, unpressed, the focus on its button, until home is read again.
  await visit(page, '/');
  const mine = feed(page).first();
  await expect(mine.getByText(`@${reposter.username} reposted`)).toBeVisible();
  await repostButton(mine).click();
  await expect(repostButton(mine)).toHaveAttribute('aria-pressed', 'false');
  await expect(repostButton(mine)).toHaveAccessibleName('Repost 0');
  await expect.poll(async () => (await author.api.tweet.byId.query({ tweetId })).repostCount).toBe(0);
  // The follower's home loses it live (their stream's delete); the reposter's stream has it too.
  await expect(feed(followerPage)).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(feed(page)).toHaveCount(1);
  await expect(repostButton(mine)).toBeFocused();
  await expect(repostButton(mine)).toHaveAccessibleName('Repost 0');
  await page.reload();
  await expect(feed(page)).toHaveCount(1);
  await expect(feed(page).first().getByText('reposted')).toHaveCount(0);
  await expect(repostButton(feed(page).first())).toHaveAttribute('aria-pressed', 'false');
  await visit(page, `/@${reposter.username}`);
  await expect(page.getByText('No tweets yet.')).toBeVisible();
  // The follower's, read again: the tweet as itself, where its author put it.
  await followerPage.reload();
  await expect(feed(followerPage).locator('.text')).toHaveText(['pass this on']);
  await expect(feed(followerPage).first().getByText('reposted')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('puts a repost back, with the server’s reason, when the tweet is gone', async ({ page, baseURL, problems }) => {
  const author = await someone(baseURL as string, 'Vanishing Reposted');
  const { id: tweetId } = await author.api.tweet.create.mutate({ text: 'gone before passed on' });
  await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Explore' }).click();
  const article = feed(page).filter({ hasText: 'gone before passed on' });
  await expect(article).toHaveCount(1);
  await author.api.tweet.delete.mutate({ tweetId });
  const repost = repostButton(article);
  await repost.click();
  await expect(article.getByRole('alert')).toHaveText('Not found: it may have been deleted');
  await expect(repost).toHaveAttribute('aria-pressed', 'false');
  await expect(repost).toHaveAccessibleName('Repost 0');
  await expectNoSeriousViolations(page, 'explore, a repost refused');
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
