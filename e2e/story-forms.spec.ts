// Story forms: the reporter chooses one in the editor, and it changes how readers' pages lay the
// story out, nothing else: a pro/con piece stands its two sides in columns on a wide screen (one
// above the other on a phone); a long-form feature's photos run the screen's full width.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { expectSaved, signIn, signedInRequests, submitApprovePublish } from './helpers';
import { photoJpeg } from './images';

const SCHOOL = 'canyon-crest';
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const words = Array.from({ length: 90 }, (_, index) => ['buses', 'sleep', 'first', 'bell', 'students'][index % 5]).join(' ');

async function draft(reporter: APIRequestContext, headline: string, body: unknown): Promise<{ id: string; version: number }> {
  const created = await reporter.post(`/api/schools/${SCHOOL}/articles`, { data: { headline, deck: 'Two views.', body } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

test('a pro/con piece chosen as side by side in the editor stands its sides in columns for readers, stacked on a phone', async ({ page, browser }) => {
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const headline = `Should school start later? ${Date.now().toString(36)}`;
  const { id } = await draft(reporter, headline, {
    type: 'doc',
    content: [paragraph('The board votes next week.'), heading('Yes: let us sleep'), paragraph(words), heading('No: the buses cannot'), paragraph(words)],
  });

  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/${SCHOOL}/newsroom/articles/${id}`);
  await page.getByLabel('Story form').selectOption({ label: 'Side by side (pro/con)' });
  await expect(page.getByText('Each part under a subhead stands in its own column')).toBeVisible();
  await expectSaved(page);
  const state = (await (await reporter.get(`/api/schools/${SCHOOL}/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish(SCHOOL, id, state.version, reporter, adviser);

  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await reader.goto(`/${SCHOOL}/articles/${state.slug}`);
  const yes = reader.getByRole('heading', { name: 'Yes: let us sleep' });
  const no = reader.getByRole('heading', { name: 'No: the buses cannot' });
  const [left, right] = [(await yes.boundingBox())!, (await no.boundingBox())!];
  expect(Math.abs(left.y - right.y)).toBeLessThan(2);
  expect(right.x).toBeGreaterThan(left.x + 300);
  expect(await accessibilityViolations(reader)).toEqual([]);

  await reader.setViewportSize({ width: 390, height: 844 });
  const [top, below] = [(await yes.boundingBox())!, (await no.boundingBox())!];
  expect(below.y).toBeGreaterThan(top.y + 100);
  expect(Math.abs(below.x - top.x)).toBeLessThan(2);
  expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('a long-form feature’s photos run the full width of the screen, with no sideways scrolling', async ({ browser }) => {
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const uploaded = await reporter.post(`/api/schools/${SCHOOL}/media`, { multipart: { file: { name: 'field.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1600, 900) } } });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const photo = (await uploaded.json()) as { id: string; src: string; width: number; height: number };
  const headline = `The Last Season at Ravens Field ${Date.now().toString(36)}`;
  const figure = {
    type: 'figure',
    attrs: {
      src: photo.src,
      mediaId: photo.id,
      width: photo.width,
      height: photo.height,
      alt: 'An empty football field at dusk.',
      caption: 'Ravens Field, a week before the last game.',
      credit: 'Andrew Choi',
    },
  };
  const { id, version } = await draft(reporter, headline, { type: 'doc', attrs: { form: 'long-form' }, content: [paragraph(words), figure, paragraph(words), paragraph(words)] });
  await submitApprovePublish(SCHOOL, id, version, reporter, adviser);
  const slug = headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await reader.goto(`/${SCHOOL}/articles/${slug}`);
  const picture = reader.getByRole('img', { name: 'An empty football field at dusk.' });
  await picture.scrollIntoViewIfNeeded();
  const box = (await picture.boundingBox())!;
  const viewport = await reader.evaluate(() => document.documentElement.clientWidth);
  expect(Math.round(box.x)).toBe(0);
  expect(Math.round(box.width)).toBe(viewport);
  // …and the browser is told so, to fetch a rendition wide enough.
  await expect(picture).toHaveAttribute('sizes', '100vw');
  expect(await reader.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  // The text keeps its column.
  const text = (await reader.locator('.article-body > p').first().boundingBox())!;
  expect(text.width).toBeLessThan(700);
  expect(await accessibilityViolations(reader)).toEqual([]);
});
