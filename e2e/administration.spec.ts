import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn } from './helpers';

// Lincoln High's newsroom, so the other specs' Canyon Crest stays as seeded.
test('the adviser invites a reporter by link, who joins and signs in; a role change and deactivation take effect at once', async ({ page, browser }) => {
  await signIn(page, 'adviser@lincoln.example');
  await page.goto('/lincoln-high/newsroom/members');
  const invite = page.getByRole('form', { name: 'Invite a member' });
  await expect(invite.getByRole('button', { name: 'Invite' })).toBeEnabled();
  await invite.getByLabel('E-mail', { exact: true }).fill('casey.lee@lincoln.example');
  await invite.getByLabel('Send the invitation by e-mail').uncheck();
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  expect(link).toContain('/invitations/');

  const newcomer = await (await browser.newContext({ baseURL })).newPage();
  await newcomer.goto(new URL(link).pathname);
  await expect(newcomer.getByRole('heading', { name: /Join The Lincoln Ledger/ })).toBeVisible();
  await expect(newcomer.getByRole('button', { name: 'Join the newsroom' })).toBeEnabled();
  await newcomer.getByLabel('Your name, as bylines should show it').fill('Casey Lee');
  await newcomer.getByLabel(/Choose a password/).fill('short');
  await newcomer.getByRole('button', { name: 'Join the newsroom' }).click();
  await expect(newcomer.getByRole('alert').filter({ hasText: 'Use at least 10 characters.' })).toBeVisible();
  await newcomer.getByLabel(/Choose a password/).fill('ledger reporter 2026');
  await newcomer.getByRole('button', { name: 'Join the newsroom' }).click();
  await expect(newcomer.getByRole('status').filter({ hasText: 'You joined the newsroom' })).toBeVisible();
  await signIn(newcomer, 'casey.lee@lincoln.example', 'ledger reporter 2026');
  await newcomer.goto('/lincoln-high/newsroom');
  await expect(newcomer.getByText('Casey Lee · Reporter')).toBeVisible();
  // The link worked once.
  await newcomer.goto(new URL(link).pathname);
  await expect(newcomer.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();

  await page.reload();
  await page.getByLabel('Role of Casey Lee').selectOption('EDITOR');
  await page.getByRole('button', { name: 'Change role of Casey Lee' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Role changed.' })).toBeVisible();
  await newcomer.goto('/lincoln-high/newsroom');
  await expect(newcomer.getByText('Casey Lee · Student editor')).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate Casey Lee' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Member deactivated.' })).toBeVisible();
  expect((await newcomer.goto('/lincoln-high/newsroom'))?.status()).toBe(404);

  // A reporter has no members page.
  await page.context().clearCookies();
  await signIn(page, 'writer@lincoln.example');
  expect((await page.goto('/lincoln-high/newsroom/members'))?.status()).toBe(404);
});

test('the name-display policy set in the settings applies to the staff box and reporter pages at once', async ({ page, browser }) => {
  await signIn(page, 'adviser@lincoln.example');
  const reader = await (await browser.newContext({ baseURL })).newPage();
  await reader.goto('/lincoln-high/staff/riley-chen');
  await expect(reader.getByRole('heading', { level: 1, name: 'Riley Chen' })).toBeVisible();

  const setPolicy = async (label: string) => {
    await page.goto('/lincoln-high/newsroom/settings');
    const form = page.getByRole('form', { name: 'Editorial settings' });
    await expect(form.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    await form.getByLabel(label).check();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  };
  try {
    await page.goto('/lincoln-high/newsroom/settings');
    const form = page.getByRole('form', { name: 'Editorial settings' });
    await expect(form.getByRole('button', { name: 'Save settings' })).toBeEnabled();
    await form.getByLabel('Longest headline, in characters').fill('5');
    await form.getByLabel('Domains whose Google or Microsoft accounts may sign in (members only)').fill('lincoln.example');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('alert').filter({ hasText: 'Allow at least 30 characters.' })).toBeVisible();
    // The refused form shows what was typed, not what is saved, and marks the field it refuses.
    await expect(form.getByLabel('Longest headline, in characters')).toHaveValue('5');
    await expect(form.getByLabel('Longest headline, in characters')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Domains whose Google or Microsoft accounts may sign in (members only)')).toHaveValue('lincoln.example');
    await form.getByLabel('Domains whose Google or Microsoft accounts may sign in (members only)').fill('');
    await form.getByLabel('Longest headline, in characters').fill('110');

    await setPolicy('First name and last initial');
    for (const path of ['/lincoln-high/staff/riley-chen', '/lincoln-high/staff']) {
      await reader.goto(path);
      await expect(reader.getByText(/Riley C\./).first()).toBeVisible();
      expect(await reader.locator('main').innerText()).not.toContain('Chen');
    }
  } finally {
    await setPolicy('Full name');
  }
});
