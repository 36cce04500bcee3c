// The media library: a photo uploaded once is found by what is said about it, its usage rights are
// recorded, and another reporter uses it again in a story from the editor, its details with it.
import { expect, test } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { draftOverApi, expectSaved, signIn, signedInRequests } from './helpers';
import { photoJpeg } from './images';

const SCHOOL = 'canyon-crest';

test('a photo in the library is found by its caption, given its rights by an editor, and reused in another story', async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const andrew = await signedInRequests('andrew.choi@canyoncrest.example');
  const uploaded = await andrew.post(`/api/schools/${SCHOOL}/media`, {
    multipart: {
      file: { name: 'banner.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1200, 800) },
      alt: 'Students unroll a banner.',
      caption: `State finals banner ${run}`,
      credit: 'Andrew Choi',
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);

  // An editor finds it in the library (a plain search form) and records its rights.
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, 'editor@canyoncrest.example');
  await editor.goto(`/${SCHOOL}/newsroom/library`);
  await editor.getByRole('searchbox', { name: /Search captions/ }).fill(`finals ${run}`);
  await editor.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(editor.getByRole('status')).toHaveText(`1 upload match “finals ${run}”`);
  const item = editor.getByRole('list', { name: 'Uploads, newest first' }).getByRole('listitem');
  await expect(item).toContainText('Rights: Not recorded yet');
  await item.getByText('Edit details').click();
  await item.getByLabel('Usage rights').selectOption({ label: 'Used with permission' });
  await item.getByRole('button', { name: 'Save details' }).click();
  await expect(item.getByText('Say who gave permission, and when.')).toBeVisible();
  await item.getByLabel(/^Rights note/).fill('The athletic director, Nov. 20');
  await item.getByRole('button', { name: 'Save details' }).click();
  await expect(item.getByText('Saved.')).toBeVisible();
  await editor.reload();
  await expect(editor.getByRole('list', { name: 'Uploads, newest first' }).getByRole('listitem')).toContainText('Rights: Used with permission (The athletic director, Nov. 20)');
  expect(await accessibilityViolations(editor)).toEqual([]);

  // Jordan uses it in a story of his own, from the editor, with its caption and credit.
  const jordan = await signedInRequests('jordan.reyes@canyoncrest.example');
  const { id } = await draftOverApi(SCHOOL, `Finals week ${run}`, jordan);
  await signIn(page, 'jordan.reyes@canyoncrest.example');
  await page.goto(`/${SCHOOL}/newsroom/articles/${id}`);
  await page.getByText('Insert a photo from the library').click();
  await page.getByRole('searchbox', { name: 'Search the library' }).fill(`banner ${run}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('button', { name: `Use State finals banner ${run}` }).click();
  const figure = page.getByRole('textbox', { name: 'Story' }).locator('figure');
  await expect(figure.locator('img')).toHaveAttribute('src', /\/canyon-crest\/media\/.+/);
  await expect(figure.getByLabel('Caption')).toHaveValue(`State finals banner ${run}`);
  await expect(figure.getByLabel('Photo credit')).toHaveValue('Andrew Choi');
  await expectSaved(page);
  await page.reload();
  await expect(figure.getByLabel('Caption')).toHaveValue(`State finals banner ${run}`);
});
