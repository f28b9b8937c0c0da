/** Likes: the button on every tweet, shown at once and settled by the server, and your Likes page. */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousViolations, feed, signUp, someone, test, visit } from './helpers.ts';

const likeButton = (page: Page) =>
  feed(page)
    .first()
    .getByRole('button', { name: /^Like \d+$/ });

test('likes another’s tweet, kept after a reload and listed under Likes, then unlikes it', async ({
  page,
  baseURL,
  problems,
}) => {
  const author = await someone(baseURL as string, 'Liked Author');
  const { id: tweetId } = await author.api.tweet.create.mutate({ text: 'like me' });
  const reader = await signUp(page, baseURL as string);
  await reader.api.follow.follow.mutate({ userId: author.id });
  await page.reload();
  await expect(feed(page).first().locator('.text')).toHaveText('like me');
  const like = likeButton(page);
  await expect(like).toHaveAccessibleName('Like 0');
  await expect(like).toHaveAttribute('aria-pressed', 'false');

  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like).toHaveAccessibleName('Like 1');
  await expect.poll(async () => (await author.api.tweet.byId.query({ tweetId })).likeCount).toBe(1);
  await expectNoSeriousViolations(page, 'home, a tweet liked');

  // The same tweet in another list, from the cache: liked there too.
  await visit(page, `/@${author.username}`);
  await expect(likeButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(likeButton(page)).toHaveAccessibleName('Like 1');

  await page.reload();
  await expect(likeButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(likeButton(page)).toHaveAccessibleName('Like 1');

  await page.getByRole('link', { name: 'Likes' }).click();
  await expect(page.getByRole('heading', { name: 'Likes' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tweets you liked' })).toBeVisible();
  await expect(feed(page)).toHaveCount(1);
  await expect(feed(page).first().locator('.text')).toHaveText('like me');
  await expect(likeButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousViolations(page, 'likes');

  // In Korean, the same button and page.
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('heading', { name: '좋아요' })).toBeVisible();
  await expect(feed(page).first().getByRole('button', { name: '좋아요 1' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel('언어').selectOption('en');

  // Unliked where it is listed: it stays, unpressed, until the list is shown again.
  await likeButton(page).click();
  await expect(likeButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(likeButton(page)).toHaveAccessibleName('Like 0');
  await expect.poll(async () => (await author.api.tweet.byId.query({ tweetId })).likeCount).toBe(0);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(likeButton(page)).toHaveAccessibleName('Like 0');
  await page.getByRole('link', { name: 'Likes' }).click();
  await expect(page.getByText('No tweets yet.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('No tweets yet.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('puts a like back, with the server’s reason, when the tweet is gone', async ({ page, baseURL, problems }) => {
  const author = await someone(baseURL as string, 'Vanishing Author');
  const { id: tweetId } = await author.api.tweet.create.mutate({ text: 'about to go' });
  await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Explore' }).click();
  const article = feed(page).filter({ hasText: 'about to go' });
  await expect(article).toHaveCount(1);
  await author.api.tweet.delete.mutate({ tweetId });
  const like = article.getByRole('button', { name: /^Like \d+$/ });
  await like.click();
  await expect(article.getByRole('alert')).toHaveText('Not found: it may have been deleted');
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await expect(like).toHaveAccessibleName('Like 0');
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
