import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn } from './helpers';
import { jpegWithGps } from './images';

test('the adviser brands the paper: accent colour and logo appear on the public site at once', async ({ page, browser }) => {
  await signIn(page, 'adviser@canyoncrest.example');
  await page.goto('/canyon-crest/newsroom/settings');
  await page.getByLabel('Accent colour').fill('#fff000');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'too light to read on white' })).toBeVisible();
  await page.getByLabel('Accent colour').fill('#5b21b6');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Branding saved.' })).toBeVisible();
  await page.getByLabel('Logo image').setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(1000, 300, '#5b21b6') });
  await page.getByRole('button', { name: 'Upload logo' }).click();
  await expect(page.getByRole('img', { name: 'Current logo' })).toBeVisible({ timeout: 30_000 });

  const reader = await (await browser.newContext({ baseURL })).newPage();
  await reader.goto('/canyon-crest');
  await expect(reader.getByTestId('school-logo')).toHaveJSProperty('naturalWidth', 480);
  expect(await reader.locator('[style*="--accent"]').first().getAttribute('style')).toContain('#5b21b6');

  // A reporter cannot reach the settings.
  await page.context().clearCookies();
  await signIn(page, 'andrew.choi@canyoncrest.example');
  expect((await page.goto('/canyon-crest/newsroom/settings'))?.status()).toBe(404);
});
