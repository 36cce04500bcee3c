// Reaching readers without tracking them: page views counted on the server (cache hits included,
// bots not), readers' comments held until an editor approves them, and newsletters with double
// opt-in and one-click unsubscribe — each through the production server, a real browser with
// JavaScript off for the reader, and the local SMTP server.
import { expect, request as playwrightRequest, test, type APIResponse, type Page } from '@playwright/test';
import { baseURL, mailCatcherURL } from '../playwright.config';
import { mailTo, publishedStoryOverApi, signIn, signedInRequests } from './helpers';
import type { CaughtMessage } from './support/mail-catcher';

const school = 'canyon-crest';
const BROWSER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const run = Date.now().toString(36);
/** A page's words, without the markers React leaves between pieces of text. */
const pageText = async (response: APIResponse) => (await response.text()).replace(/<!-- -->/g, '');
const linkIn = (message: CaughtMessage, path: string) => new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}[^\\s]+`).exec(message.text)![0]!;

test('N reader requests to a story are N views in the dashboard; bots are not counted and no reader page sets a cookie', async () => {
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const story = await publishedStoryOverApi(school, `Counted Story ${run}`, reporter, adviser);
  const reader = await playwrightRequest.newContext({ baseURL });
  const get = async (headers: Record<string, string>) => {
    const response = await reader.get(`/${school}/articles/${story.slug}`, { headers });
    expect(response.status()).toBe(200);
    expect(response.headers()['set-cookie']).toBeUndefined();
  };
  // The first is a cache miss, the rest hits; three arrive from a link on Instagram.
  for (let index = 0; index < 9; index++) await get({ 'User-Agent': BROWSER_AGENT });
  for (let index = 0; index < 3; index++) await get({ 'User-Agent': BROWSER_AGENT, Referer: 'https://www.instagram.com/p/xyz' });
  await get({ 'User-Agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' });
  await get({ 'User-Agent': 'curl/8.5.0' });
  await expect.poll(async () => /([\d,]+) views? in all/.exec(await pageText(await adviser.get(`/${school}/newsroom/audience?story=${story.id}`)))?.[1], { timeout: 15_000 }).toBe('12');
  const csv = await (await adviser.get(`/api/schools/${school}/audience`)).text();
  expect(csv).toContain(`/articles/${story.slug},Counted Story ${run},,instagram.com,3`);
  // The reporter sees their story's numbers; another reporter does not.
  expect(await pageText(await reporter.get(`/${school}/newsroom/audience?story=${story.id}`))).toContain('12 views in all');
  const other = await signedInRequests('jordan.reyes@canyoncrest.example');
  expect((await other.get(`/${school}/newsroom/audience?story=${story.id}`)).status()).toBe(404);
});

async function setComments(adviserPage: Page, on: boolean) {
  await adviserPage.goto(`/${school}/newsroom/settings`);
  const form = adviserPage.locator('form', { has: adviserPage.getByRole('button', { name: 'Save comment settings' }) });
  await form.getByLabel('Readers may comment on stories').setChecked(on);
  await form.getByRole('button', { name: 'Save comment settings' }).click();
  await expect(form.getByText('Comment settings saved.')).toBeVisible();
}

test('a comment is invisible until approved, then shows on the cached page; a blocked address cannot post again; with comments off there is no form', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const story = await publishedStoryOverApi(school, `Commented Story ${run}`, reporter, adviser);
  await signIn(page, 'adviser@canyoncrest.example');
  await setComments(page, true);
  try {
    const reader = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
    const write = async (email: string, name: string, body: string) => {
      await reader.goto(`/${school}/articles/${story.slug}`);
      await reader.getByRole('link', { name: 'Write a comment' }).click();
      await reader.getByLabel('Your name, as readers will see it').fill(name);
      await reader.getByLabel('Your e-mail address').fill(email);
      await reader.getByLabel('Your comment').fill(body);
      await reader.getByRole('button', { name: 'Send my comment' }).click();
    };
    const confirm = async (email: string) => {
      await reader.goto(linkIn(await mailTo(email, 'Confirm your comment'), '/comments/confirm?token='));
      await reader.getByRole('button', { name: 'Confirm my comment' }).click();
      await expect(reader.getByText('is with the editors')).toBeVisible();
    };
    const reader1 = `reader1-${run}@example.com`;
    await write(reader1, 'Casey Morgan', 'The new schedule is much better.');
    await expect(reader.getByText(`we sent a link to ${reader1}`)).toBeVisible();
    await confirm(reader1);
    // Cached, and without the comment, until an editor approves it.
    const storyPage = await playwrightRequest.newContext({ baseURL });
    for (let index = 0; index < 2; index++) expect(await (await storyPage.get(`/${school}/articles/${story.slug}`)).text()).not.toContain('The new schedule is much better.');
    await page.goto(`/${school}/newsroom/comments`);
    const item = page.getByTestId('moderation-item').filter({ hasText: 'The new schedule is much better.' });
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Approved: readers see it under the story now.')).toBeVisible();
    await reader.goto(`/${school}/articles/${story.slug}`);
    await expect(reader.getByText('The new schedule is much better.')).toBeVisible();
    await expect(reader.getByRole('heading', { name: '1 comment' })).toBeVisible();
    expect(await (await storyPage.get(`/${school}/articles/${story.slug}`)).text()).toContain('Casey Morgan');

    // A cruel comment: rejected, its address blocked, with the reason kept.
    const troll = `troll-${run}@example.com`;
    await write(troll, 'Tom Troll', 'Something cruel about a classmate.');
    await confirm(troll);
    await page.goto(`/${school}/newsroom/comments`);
    const cruel = page.getByTestId('moderation-item').filter({ hasText: 'Something cruel about a classmate.' });
    await cruel.getByLabel('Reason').fill('Mocks a student by name.');
    await cruel.getByRole('button', { name: 'Reject and block the address' }).click();
    await expect(page.getByText('Rejected; the reason is kept.')).toBeVisible();
    await expect(page.getByText(`${troll} — Mocks a student by name.`)).toBeVisible();
    await write(troll, 'Tom Troll', 'Let me back in, please.');
    await expect(reader.getByText('This address may not comment in The Raven Report.')).toBeVisible();

    // Off for the paper: no form under the story, and the form's page refuses.
    await setComments(page, false);
    await reader.goto(`/${school}/articles/${story.slug}`);
    await expect(reader.getByRole('link', { name: 'Write a comment' })).toHaveCount(0);
    await expect(reader.getByText('The new schedule is much better.')).toHaveCount(0);
    await reader.goto(`/${school}/comments/new?story=${story.slug}`);
    await expect(reader.getByText('Comments are closed on this story.')).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Send my comment' })).toHaveCount(0);
  } finally {
    await setComments(page, false);
  }
});

/** Who of `readers` the SMTP server has received a message with this subject for (other specs'
 * readers of the same list may get it too), once per message. */
async function receivedBy(subject: string, readers: string[]): Promise<string[]> {
  const all = (await (await fetch(`${mailCatcherURL}/messages`)).json()) as CaughtMessage[];
  return all
    .filter((message) => message.subject === subject)
    .flatMap((message) => message.to)
    .filter((to) => readers.includes(to))
    .sort();
}

test('subscribe → confirm by mail → an issue is sent with both unsubscribe headers → one-click unsubscribe stops the next send', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const story = await publishedStoryOverApi(school, `Breaking Story ${run}`, reporter, adviser);
  const reader = await (await browser.newContext({ baseURL, javaScriptEnabled: false })).newPage();
  const subscribeAs = async (email: string) => {
    await reader.goto(`/${school}/articles/${story.slug}`);
    await reader.getByRole('link', { name: 'Newsletter' }).click();
    await reader.getByLabel('Your e-mail address').fill(email);
    await reader.getByLabel(/Breaking news/).check();
    await reader.getByRole('button', { name: 'Sign me up' }).click();
    await expect(reader.getByText(`we sent a link to ${email}`)).toBeVisible();
    await reader.goto(linkIn(await mailTo(email, 'Confirm your newsletter sign-up'), '/newsletter/confirm?token='));
    await reader.getByRole('button', { name: 'Confirm my sign-up' }).click();
    await expect(reader.getByText('You are signed up for')).toBeVisible();
  };
  const leaving = `leaving-${run}@example.com`;
  const staying = `staying-${run}@example.com`;
  await subscribeAs(leaving);
  await subscribeAs(staying);

  await signIn(page, 'editor@canyoncrest.example');
  const send = async (subject: string) => {
    await page.goto(`/${school}/newsroom/newsletter`);
    await page.getByLabel('Send to').selectOption('BREAKING');
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel(`Breaking Story ${run}`).check();
    await page.getByRole('button', { name: 'Send the newsletter' }).click();
    await expect(page.getByText('Sending now: 1 story.')).toBeVisible();
  };
  const first = `Breaking news ${run}`;
  await send(first);
  const message = await mailTo(leaving, first);
  expect(message.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/schools\/canyon-crest\/newsletter\/unsubscribe\?token=[\w-]+>$/);
  expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  expect(message.text).toContain(`Breaking Story ${run}`);
  expect(message.text).toContain(`/articles/${story.slug}`);
  await mailTo(staying, first);
  expect(await receivedBy(first, [leaving, staying])).toEqual([leaving, staying].sort());

  // One click, as a mail program does it: a POST to the header's address, no cookie.
  const oneClick = /^<(.+)>$/.exec(message.headers['list-unsubscribe']!)![1]!;
  const mailProgram = await playwrightRequest.newContext();
  const unsubscribed = await mailProgram.post(oneClick, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' });
  expect(unsubscribed.status()).toBe(200);

  const second = `More breaking news ${run}`;
  await send(second);
  await mailTo(staying, second);
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByTestId('newsletter-send').filter({ hasText: second }).textContent();
    })
    .toMatch(/Sent · (\d+) of \1 sent/);
  expect(await receivedBy(second, [leaving, staying])).toEqual([staying]);
});
