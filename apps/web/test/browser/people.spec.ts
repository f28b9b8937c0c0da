/** Finding people and being found: handles, search, profiles, Explore, suggestions, profile edits. */
import type { Page, Request } from '@playwright/test';
import { expect, feed, freshHandle, signUp, someone, test } from './helpers.ts';

/** The tRPC procedures `page` calls from now on, one entry per call (batched calls counted each). */
function calls(page: Page) {
  const procedures: string[] = [];
  page.on('request', (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/trpc/')) procedures.push(...path.slice('/trpc/'.length).split(','));
  });
  return procedures;
}

test('finds people from the header’s search box by keyboard, opens a profile and follows', async ({
  page,
  baseURL,
  problems,
}) => {
  const minji = await someone(baseURL as string, '김민지', freshHandle('minji'));
  await signUp(page, baseURL as string);
  const box = page.getByRole('combobox', { name: 'Search people' });
  const list = page.getByRole('listbox', { name: 'Search people' });
  await box.focus();
  // Korean users type initial consonants: ㄱㅁㅈ finds 김민지.
  await page.keyboard.type('ㄱㅁㅈ');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const option = list.getByRole('option', { name: new RegExp(`김민지 @${minji.username}`) });
  await expect(option).toBeVisible();
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.press('ArrowDown');
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) as string);
  // Down to 김민지 wherever the ranking put her (others of the run may share a syllable).
  for (let n = 0; n < 8 && (await option.getAttribute('aria-selected')) !== 'true'; n++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/@${minji.username}$`));
  await expect(page.getByRole('heading', { level: 1, name: '김민지' })).toBeVisible();
  await expect(page.getByText(`@${minji.username}`, { exact: true })).toBeVisible();

  // Escape closes the list, then empties the box.
  await box.fill(minji.username);
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');

  await page.getByRole('button', { name: 'Follow 김민지' }).click();
  await expect(page.getByRole('button', { name: 'Unfollow 김민지' })).toHaveAttribute('aria-pressed', 'true');
  expect((await minji.api.user.byUsername.query({ username: minji.username })).followerCount).toBe(1);
  expect(problems).toEqual([]);
});

test('lists search results with picture, name, @handle, bio and Follow, from one relationships call per page', async ({
  page,
  baseURL,
  problems,
}) => {
  const word = `twin${Date.now().toString(36)}`;
  const kims = [
    await someone(baseURL as string, 'Kim', `${word}_a`),
    await someone(baseURL as string, 'Kim', `${word}_b`),
  ];
  await kims[0]?.api.user.updateProfile.mutate({ profile: 'The first Kim' });
  const me = await signUp(page, baseURL as string);
  const procedures = calls(page);
  await page.getByRole('combobox', { name: 'Search people' }).fill(word);
  await expect(page.getByRole('listbox', { name: 'Search people' }).getByRole('option')).toHaveCount(2);
  // Enter with no one chosen: every result, on a page of its own.
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: `People matching “${word}”` });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  // Two Kims, told apart by their handles.
  await expect(results.getByRole('listitem').first()).toContainText(`Kim @${word}_a`);
  await expect(results.getByRole('listitem').first()).toContainText('The first Kim');
  await expect(results.getByRole('listitem').nth(1)).toContainText(`Kim @${word}_b`);
  await expect(results.getByRole('button', { name: 'Follow Kim' })).toHaveCount(2);
  expect(procedures.filter((p) => p === 'follow.relationships')).toHaveLength(1);
  expect(procedures).not.toContain('follow.relationship');

  await results.getByRole('listitem').nth(1).getByRole('button', { name: 'Follow Kim' }).click();
  await expect(results.getByRole('listitem').nth(1).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  // The profile shows the same state, and yourself has no button.
  await results.getByRole('link', { name: 'Kim' }).nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/@${word}_b$`));
  await expect(page.getByRole('button', { name: 'Unfollow Kim' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Followers' }).getByRole('listitem')).toContainText(
    `${me.name} @${me.username}`,
  );
  await expect(page.getByRole('region', { name: 'Followers' }).getByRole('button')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('an empty home suggests people to follow; following one fills the timeline', async ({
  page,
  baseURL,
  problems,
}) => {
  const me = await signUp(page, baseURL as string);
  // A new account's home: empty, with whom to follow (or word that there is no one yet).
  await expect(page.getByText('Your timeline is empty for now')).toBeVisible();
  const suggested = page.getByRole('region', { name: 'Who to follow' });
  await expect(
    suggested.getByRole('listitem').or(suggested.getByText('No suggestions right now.')).first(),
  ).toBeVisible();
  // The server keeps its most-followed list for minutes, so the star of this test is suggested the
  // other way: followed by someone you follow (who has not tweeted, so your home is still empty).
  const star = await someone(baseURL as string, 'Suggested Star');
  await star.api.tweet.create.mutate({ text: 'worth following' });
  const friend = await someone(baseURL as string, 'Quiet Friend');
  await friend.api.follow.follow.mutate({ userId: star.id });
  await me.api.follow.follow.mutate({ userId: friend.id });
  await page.reload();
  await expect(suggested.getByRole('listitem').first()).toContainText(`Suggested Star @${star.username}`);
  await suggested.getByRole('button', { name: 'Follow Suggested Star' }).click();
  await expect(suggested.getByRole('button', { name: 'Unfollow Suggested Star' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(feed(page).locator('.text')).toHaveText(['worth following']);
  // The list stays while the page is open: the button just pressed does not move away.
  await expect(suggested).toBeVisible();
  expect(problems).toEqual([]);
});

test('Explore shows everyone’s tweets with @handles, and people to follow', async ({ page, baseURL, problems }) => {
  const writer = await someone(baseURL as string, 'Public Writer');
  await writer.api.tweet.create.mutate({ text: `for everyone ${writer.username}` });
  await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Explore' })).toBeVisible();
  const tweet = feed(page).filter({ hasText: `for everyone ${writer.username}` });
  await expect(tweet).toContainText(`Public Writer @${writer.username}`);
  await expect(page.getByRole('region', { name: 'Who to follow' })).toBeVisible();
  await tweet.getByRole('link', { name: 'Public Writer' }).click();
  await expect(page).toHaveURL(new RegExp(`/@${writer.username}$`));
  expect(problems).toEqual([]);
});

test('Settings edits name, handle and bio, each refusal beside its field', async ({ page, baseURL, problems }) => {
  const other = await someone(baseURL as string, 'Handle Owner');
  const me = await signUp(page, baseURL as string);
  await page.getByRole('link', { name: 'Settings' }).click();
  const handle = page.getByLabel('Handle');
  await expect(handle).toHaveValue(me.username);
  const save = page.getByRole('button', { name: 'Save' });
  for (const [tried, says] of [
    [other.username.toUpperCase(), 'This handle is taken: choose another'],
    ['Settings', 'This handle is reserved: choose another'],
    ['two words', 'Use 1–30 letters (A–Z), digits or _'],
  ] as const) {
    await handle.fill(tried);
    await save.click();
    await expect(handle).toHaveAccessibleDescription(new RegExp(says.replace(/[()]/g, '\\$&')));
    await expect(handle).toHaveAttribute('aria-invalid', 'true');
    await expect(handle).toBeFocused();
  }
  const renamed = freshHandle('Renamed');
  await page.getByLabel('Name').fill('Someone New');
  await handle.fill(renamed);
  await page.getByLabel('Bio').fill('Writes tests.\nReads them too.');
  await save.click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Profile saved.');
  await expect(handle).toHaveAttribute('aria-invalid', 'false');

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(new RegExp(`/@${renamed}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Someone New' })).toBeVisible();
  await expect(page.getByText('Writes tests.')).toBeVisible();
  // The old handle is free again, and finds no one.
  await page.goto(`/@${me.username}`);
  await expect(page.getByRole('heading', { name: 'There is no such user.' })).toBeVisible();
  expect(problems.filter((p) => !/status of (400|404|409)/.test(p))).toEqual([]);
});

test('the old /u/:id address and a handle in another case lead to /@handle', async ({ page, baseURL, problems }) => {
  const other = await someone(baseURL as string, 'Moved Person', freshHandle('Moved'));
  await signUp(page, baseURL as string);
  await page.goto(`/u/${other.id}`);
  await expect(page).toHaveURL(new RegExp(`/@${other.username}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Moved Person' })).toBeVisible();
  await page.goto(`/@${other.username.toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`/@${other.username}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Moved Person' })).toBeVisible();
  await page.goto('/u/4000000000');
  await expect(page.getByRole('heading', { name: 'There is no such user.' })).toBeVisible();
  expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});
