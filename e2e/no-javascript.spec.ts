// Forms work before JavaScript arrives, and with none at all: every form posts (a server action or
// a route), so a reader on a slow phone, a locked-down school laptop or a screen reader that
// submits early is never stuck, and no secret is ever put in an address. This browser runs with
// JavaScript off and records every URL it requests.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, mailTo } from './helpers';

test.use({ javaScriptEnabled: false });

function recordRequestedUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

async function signInWithoutScript(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('with JavaScript off, a member joins, signs in and out, resets a password and searches, and no credential is in any URL', async ({ page, browser }) => {
  const urls = recordRequestedUrls(page);
  const newcomer = `no-script-${Date.now()}@lincoln.example`;
  const firstPassword = 'lanterns along the river';
  const secondPassword = 'paper boats at the harbor';

  // A wrong password: the form answers in the page, with the address kept.
  await signInWithoutScript(page, 'adviser@lincoln.example', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');
  await expect(page.getByLabel('E-mail')).toHaveValue('adviser@lincoln.example');

  // The adviser signs in and invites a new reporter by link.
  await signInWithoutScript(page, 'adviser@lincoln.example', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/newsroom$/);
  await page.goto('/lincoln-high/newsroom/members');
  const invite = page.getByRole('form', { name: 'Invite a member' });
  await invite.getByLabel('E-mail', { exact: true }).fill(newcomer);
  await invite.getByLabel('Send the invitation by e-mail').uncheck();
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  expect(link).toMatch(/\/invitations\/[\w-]+$/);

  // Signing out is a form too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto('/lincoln-high/newsroom');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  // The newcomer accepts the invitation, then signs in.
  await page.goto(new URL(link).pathname);
  await page.getByLabel('Your name, as bylines should show it').fill('Noor Script-Free');
  await page.getByLabel('Choose a password (at least 10 characters)').fill(firstPassword);
  await page.getByRole('button', { name: 'Join the newsroom' }).click();
  await expect(page.getByRole('status')).toHaveText('You joined the newsroom. Sign in to open it.');
  await signInWithoutScript(page, newcomer, firstPassword);
  await expect(page).toHaveURL(/\/lincoln-high\/newsroom$/);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // A forgotten password: the link arrives over SMTP and the new password works.
  await page.goto('/forgot-password');
  await page.getByLabel('E-mail').fill(newcomer);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText('on its way');
  const resetLink = /http\S+reset-password\?token=[\w-]+/.exec((await mailTo(newcomer, 'Reset your Masthead password')).text)![0];
  await page.goto(new URL(resetLink).pathname + new URL(resetLink).search);
  await page.getByLabel('New password', { exact: true }).fill(secondPassword);
  await page.getByLabel('New password again').fill(secondPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is changed');
  await signInWithoutScript(page, newcomer, firstPassword);
  await expect(page.getByRole('alert')).toHaveText('That e-mail and password do not match an account.');
  await signInWithoutScript(page, newcomer, secondPassword);
  await expect(page).toHaveURL(/\/lincoln-high\/newsroom$/);

  // A reader searches the paper.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  const readerUrls = recordRequestedUrls(readerPage);
  await readerPage.goto('/canyon-crest/search');
  await readerPage.getByRole('searchbox').fill('North Korea');
  await readerPage.getByRole('searchbox').press('Enter');
  await expect(readerPage).toHaveURL(/\/canyon-crest\/search\?q=North\+Korea/);
  await expect(readerPage.getByRole('link', { name: 'North Korean Troops Head to Russia, Unsettling Allies and Beijing' })).toBeVisible();
  await reader.close();

  const everyUrl = [...urls, ...readerUrls];
  expect(everyUrl.length).toBeGreaterThan(20);
  for (const url of everyUrl) {
    const decoded = decodeURIComponent(url.replace(/\+/g, ' '));
    for (const secret of [DEMO_PASSWORD, 'not-the-password', firstPassword, secondPassword]) expect(decoded, url).not.toContain(secret);
    expect(new URL(url).searchParams.has('password'), url).toBe(false);
    expect(new URL(url).searchParams.has('email'), url).toBe(false);
  }
});
