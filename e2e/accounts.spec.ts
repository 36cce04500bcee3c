import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { mailTo, signInThroughForm } from './helpers';

// An address of its own: a locked address stays locked for fifteen minutes, longer than the rest of
// the run, and other specs sign in as the seeded members. (tests/auth/throttle.test.ts shows that
// the lock holds even against the right password.)
test('after five wrong passwords the sign-in form says the address is paused, and stays paused', async ({ page }) => {
  await page.goto('/signin');
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel('E-mail').fill('locked.out@lincoln.example');
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The answer has come when the form is reset: only the address is handed back.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.locator('form [role="alert"]')).toBeVisible();
  }
  await expect(page.locator('form [role="alert"]')).toContainText('sign-in is paused until');
  await page.getByLabel('Password').fill('another-guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.locator('form [role="alert"]')).toContainText('sign-in is paused until');
  expect((await page.goto('/lincoln-high/newsroom'))?.url()).toMatch(/\/signin/);
});

test('signing out on every device ends the session in another browser too', async ({ page, browser }) => {
  const other = await (await browser.newContext({ baseURL })).newPage();
  await signInThroughForm(other, 'adviser@lincoln.example');
  await expect(other).toHaveURL(/\/lincoln-high\/newsroom$/);
  // Token times are whole seconds: the reset must fall in a later second than the other session.
  const otherSignedInBy = Math.floor(Date.now() / 1000);
  await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(otherSignedInBy);
  await signInThroughForm(page, 'adviser@lincoln.example');
  await page.goto('/lincoln-high/newsroom/profile');
  await page.getByRole('button', { name: 'Sign out on every device' }).click();
  await expect(page.getByRole('status')).toContainText('You are signed out on every device.');
  await other.goto('/lincoln-high/newsroom');
  await expect(other).toHaveURL(/\/signin\?callbackUrl=/);
  // Signing in again works.
  await signInThroughForm(page, 'adviser@lincoln.example');
  await expect(page).toHaveURL(/\/lincoln-high\/newsroom$/);
});

test('every page is sent with headers that forbid framing, sniffing and leaking the address', async ({ request }) => {
  for (const path of ['/canyon-crest', '/signin', '/canyon-crest/articles/north-korea-troops-russia-ukraine', '/canyon-crest/feed.xml']) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d+/);
  }
});

test('every page carries a script policy with a fresh nonce, every script Next sends bears it, and the browser reports no violation', async ({ page }) => {
  await signInThroughForm(page, 'adviser@canyoncrest.example');
  // The session cookie is out of scripts' reach and not sent on cross-site requests.
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  const nonces: string[] = [];
  for (let round = 0; round < 2; round++) {
    const response = await page.request.get('/canyon-crest/newsroom');
    const policy = response.headers()['content-security-policy']!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    nonces.push(nonce);
    expect(policy).toContain("'strict-dynamic'");
    expect(/script-src[^;]*'unsafe-inline'/.test(policy)).toBe(false);
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/canyon-crest/newsroom');
  // Next's client started, so its nonce-bearing scripts ran.
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
  expect(violations).toEqual([]);
});

test('a forgotten password is reset through the e-mailed link (received over SMTP)', async ({ page }) => {
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // The button turns on once the page is interactive; typing before that could be lost.
  await expect(page.getByRole('button', { name: 'Send me a link' })).toBeEnabled({ timeout: 30_000 });
  await page.getByLabel('E-mail').fill('editor@lincoln.example');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'a link to choose a new password is on its way' })).toBeVisible();
  // No such account, same answer: now one that exists.
  await page.getByLabel('E-mail').fill('reporter@lincoln.example');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'on its way' })).toBeVisible();

  const mail = await mailTo('reporter@lincoln.example', 'Reset your Masthead password');
  const link = /http\S+reset-password\?token=[\w-]+/.exec(mail.text)![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole('button', { name: 'Change password' })).toBeEnabled({ timeout: 30_000 });
  await page.getByLabel('New password', { exact: true }).fill('a quiet harbor at noon');
  await page.getByLabel('New password again').fill('a quiet harbor at noon');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();
  await signInThroughForm(page, 'reporter@lincoln.example', 'a quiet harbor at noon');
  await expect(page).toHaveURL(/\/lincoln-high\/newsroom$/);
});
