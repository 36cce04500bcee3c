// Live coverage of a game: the adviser puts one reporter on the live desk and an editor opens the
// story for updates. That reporter's update, with a photo, goes out at once; another reporter's
// waits until the adviser publishes it. A reader who has the story open, on the page the production
// server keeps, sees each within two seconds, newest first, without reloading; a reader without
// JavaScript gets the same list when they load the page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { publishedStoryOverApi, signIn, signedInRequests } from './helpers';
import { photoJpeg } from './images';

const SCHOOL = 'canyon-crest';

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function postUpdate(page: Page, text: string, expected: string) {
  await page.getByLabel('Update', { exact: true }).fill(text);
  await page.getByRole('button', { name: /^(Post update|Send to the live desk)$/ }).click();
  await expect(page.getByText(expected)).toBeVisible();
}

test('two reporters cover a game live; a reader with the kept page open sees each update within two seconds, newest first', async ({ page: adviser, browser, baseURL }) => {
  const run = Date.now().toString(36);
  const { id, slug } = await publishedStoryOverApi(
    SCHOOL,
    `Ravens vs. Falcons, live ${run}`,
    await signedInRequests('andrew.choi@canyoncrest.example'),
    await signedInRequests('adviser@canyoncrest.example'),
  );
  const newsroomStory = `/${SCHOOL}/newsroom/articles/${id}`;

  // The adviser: Andrew on the live desk (recorded), then live coverage on.
  await signIn(adviser, 'adviser@canyoncrest.example');
  await adviser.goto(`/${SCHOOL}/newsroom/members`);
  await adviser.getByRole('button', { name: 'Add Andrew Choi to the live desk' }).click();
  await expect(adviser.getByText('Added to the live desk')).toBeVisible();
  await expect(adviser.getByRole('list', { name: 'Decisions about members, newest first' }).getByRole('listitem').first()).toContainText(
    'Andrew Choi may post live updates without review. (Elena Park)',
  );
  await adviser.goto(newsroomStory);
  await adviser.getByRole('button', { name: 'Start live coverage' }).click();
  await expect(adviser.getByText('Live coverage started')).toBeVisible();

  // A reader opens the story. The page is the one the production server keeps for everyone: it
  // comes with the kept pages' policy, which lets this site's updater run and nothing else.
  const reader = await (await browser.newContext()).newPage();
  const elsewhere: string[] = [];
  reader.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin) elsewhere.push(request.url());
  });
  const opened = await reader.goto(`/${SCHOOL}/articles/${slug}`);
  expect(opened!.headers()['content-security-policy']).toMatch(/script-src 'self';/);
  await expect(reader.getByRole('heading', { name: 'Live Updates', exact: true })).toBeVisible();
  await expect(reader.getByText('No updates yet.')).toBeVisible();
  // The front page marks the story live.
  const front = await (await browser.newContext()).newPage();
  await front.goto(`/${SCHOOL}`);
  await expect(front.getByRole('link', { name: `Ravens vs. Falcons, live ${run}` }).locator('xpath=..')).toHaveText(`Live Ravens vs. Falcons, live ${run}`);
  const updates = reader.getByRole('list', { name: 'Updates, newest first' }).getByRole('listitem');

  // Andrew, on the desk: text and a photo, out at once.
  const andrew = await signedInPage(browser, 'andrew.choi@canyoncrest.example');
  await andrew.goto(newsroomStory);
  await andrew.getByLabel('Add a photo').setInputFiles({ name: 'kickoff.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1200, 800) });
  await andrew.getByLabel(/^Alt text/).fill('The Ravens line up for the opening kickoff.');
  await andrew.getByLabel('Photo credit').fill('Andrew Choi');
  await postUpdate(andrew, 'Kickoff: the Ravens receive.', 'Posted: readers see it now.');
  await expect(updates).toHaveCount(1, { timeout: 2_000 });
  await expect(updates.first()).toContainText('Andrew Choi');
  await expect(updates.first().getByRole('img', { name: 'The Ravens line up for the opening kickoff.' })).toBeVisible();
  expect(await accessibilityViolations(andrew)).toEqual([]);

  // Jordan, not on the desk: the update waits, and readers do not see it.
  // Jordan finds the live story on the story budget.
  const jordan = await signedInPage(browser, 'jordan.reyes@canyoncrest.example');
  await jordan.goto(`/${SCHOOL}/newsroom`);
  const card = jordan.getByRole('listitem').filter({ has: jordan.getByRole('link', { name: `Ravens vs. Falcons, live ${run}` }) });
  await expect(card).toContainText('Live');
  await card.getByRole('link', { name: `Ravens vs. Falcons, live ${run}` }).click();
  await expect(jordan).toHaveURL(new RegExp(`${newsroomStory}$`));
  await postUpdate(jordan, 'Touchdown, Ravens! 7–0 with four minutes left in the first.', 'Sent to the live desk');

  // The adviser publishes it; the reader's page shows it on top, and says so.
  await adviser.goto(newsroomStory);
  const held = adviser.getByRole('list', { name: 'Live updates, newest first' }).getByRole('listitem').filter({ hasText: 'Waiting for the live desk' });
  await expect(held).toContainText('Touchdown, Ravens!');
  await held.getByRole('button', { name: 'Publish update' }).click();
  await expect(adviser.getByText('Update published.')).toBeVisible();
  await expect(updates).toHaveCount(2, { timeout: 2_000 });
  await expect(updates).toHaveText([/Jordan Reyes.*Touchdown, Ravens!/, /Andrew Choi.*Kickoff: the Ravens receive\./]);
  await expect(reader.getByRole('status')).toHaveText('One new update, at the top.');
  expect(await accessibilityViolations(reader)).toEqual([]);

  // Without JavaScript: the page as loaded has both, in the same order (the kept page was retired).
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto(`/${SCHOOL}/articles/${slug}`);
  await expect(plain.getByRole('list', { name: 'Updates, newest first' }).getByRole('listitem')).toHaveText([/Touchdown, Ravens!/, /Kickoff/]);
  await expect(plain.getByRole('link', { name: 'Look for new updates' })).toBeVisible();

  // A member reading the story gets the same page: the updater sends no cookie, so the server
  // answers it from the cache rather than rendering it for them every second.
  const poll = adviser.waitForRequest((request) => request.resourceType() === 'fetch' && new URL(request.url()).pathname === `/${SCHOOL}/articles/${slug}`);
  await adviser.goto(`/${SCHOOL}/articles/${slug}`);
  expect((await (await poll).allHeaders()).cookie).toBeUndefined();
  await adviser.goto(newsroomStory);

  // The reader may pause; the ended coverage tells them it ended.
  await reader.getByRole('button', { name: 'Pause live updates' }).click();
  await expect(reader.getByRole('button', { name: 'Resume live updates' })).toBeVisible();
  await reader.getByRole('button', { name: 'Resume live updates' }).click();
  await adviser.getByRole('button', { name: 'End live coverage' }).click();
  await expect(adviser.getByText('Live coverage ended.')).toBeVisible();
  await expect(reader.getByText('Live coverage has ended.')).toBeVisible({ timeout: 2_000 });
  expect(elsewhere).toEqual([]);

  // The desk as it was: other specs' stories are not live, but the seeded reporter is shared.
  await adviser.goto(`/${SCHOOL}/newsroom/members`);
  await adviser.getByRole('button', { name: 'Remove Andrew Choi from the live desk' }).click();
  await expect(adviser.getByText('Taken off the live desk')).toBeVisible();
});
