// A photo story from the newsroom to the reader: the reporter gives a story its featured image in
// the editor (photo, alt text, caption, credit, focal point by keyboard), the adviser publishes it,
// and a reader gets it on the front page and the story's page in a modern format, in its reserved
// space, within the page-weight budget docs/BENCHMARKS.md states, with nothing for axe to find.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { expectSaved, signIn, signedInRequests, submitApprovePublish } from './helpers';
import { photoJpeg } from './images';

/** The budget docs/BENCHMARKS.md states for a photo story, so the page is held to what it says. */
const PHOTO_STORY_BUDGET_BYTES = Number(/\| photo story [^|]*\| (\d+) KB \|/.exec(readFileSync(path.resolve(import.meta.dirname, '../docs/BENCHMARKS.md'), 'utf8'))?.[1] ?? Number.NaN) * 1024;

/** Everything a reader's browser fetched for this page, in bytes over the wire. */
async function pageWeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return entries.reduce((sum, entry) => sum + entry.transferSize, 0);
  });
}

test('a reporter gives a story its featured image; published, readers get it in a modern format, in its reserved space and within budget', async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const headline = `Ravens Take the Volleyball Final ${run}`;
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const words = Array.from({ length: 220 }, (_, index) => ['the', 'team', 'won', 'a', 'tight', 'final', 'set'][index % 7]).join(' ');
  const created = await reporter.post('/api/schools/canyon-crest/articles', {
    data: { headline, deck: 'Three sets, one comeback.', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] } },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // The reporter: photo, its details and its focal point, all from the editor.
  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  const featured = page.getByRole('region', { name: 'Featured image' });
  await featured.getByLabel('Choose a featured image').setInputFiles({ name: 'final-set.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(1600, 1000) });
  await expect(featured.locator('img').first()).toBeVisible({ timeout: 30_000 });
  await featured.getByLabel(/Alt text/).fill('A Ravens player spikes the ball over two blockers');
  await featured.getByLabel('Caption').fill('Maya Ortiz scores the winning point of the final set.');
  await featured.getByLabel('Photo credit').fill('Andrew Choi / The Raven Report');
  // The focal point by keyboard: the player is at the left, low in the frame.
  await featured.getByLabel(/Focal point across/).press('Home');
  await featured.getByLabel(/Focal point down/).press('End');
  await expect(featured.getByLabel(/Focal point across/)).toHaveValue('0');
  await expect(featured.getByLabel(/Focal point down/)).toHaveValue('100');
  await expectSaved(page);
  expect(await accessibilityViolations(page)).toEqual([]);

  const state = (await (await reporter.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish('canyon-crest', id, state.version, reporter, adviser);

  // A reader, with nothing of the newsroom's: the front page leads with the story and its photo.
  const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const images: { url: string; type: string }[] = [];
  reader.on('response', (response) => {
    if (response.url().includes('/media/')) images.push({ url: response.url(), type: response.headers()['content-type'] ?? '' });
  });
  await reader.goto('/canyon-crest');
  const lead = reader.getByRole('region', { name: headline });
  const leadPhoto = lead.getByRole('img', { name: 'A Ravens player spikes the ball over two blockers' });
  await expect(leadPhoto).toHaveJSProperty('complete', true);
  expect(await leadPhoto.evaluate((image: HTMLImageElement) => [image.naturalWidth > 0, getComputedStyle(image).objectPosition, image.getAttribute('fetchpriority')])).toEqual([
    true,
    '0% 100%',
    'high',
  ]);
  expect(await lead.locator('picture source').evaluateAll((sources) => sources.map((source) => source.getAttribute('type')))).toEqual(['image/avif', 'image/webp']);
  // Chromium takes AVIF: the photo came once, in that format, instead of the uploaded JPEG.
  expect(images.map((image) => [new URL(image.url).pathname.replace(/^.*-/, ''), image.type])).toEqual([[expect.stringMatching(/^(480|960|full)\.avif$/), 'image/avif']]);
  expect(await accessibilityViolations(reader)).toEqual([]);

  // The story's page, for a reader arriving from a link (nothing cached): the photo in the space
  // its width and height reserve (nothing moves as it loads), its caption and credit, link
  // previews that show it large, and the whole page within budget.
  const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await visitor.addInitScript(() => {
    (window as unknown as { layoutShift: number }).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) (window as unknown as { layoutShift: number }).layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await visitor.goto(`/canyon-crest/articles/${state.slug}`);
  const figure = visitor.locator('figure[data-featured-image]');
  await expect(figure.locator('figcaption')).toHaveText('Maya Ortiz scores the winning point of the final set.Andrew Choi / The Raven Report');
  const photo = figure.getByRole('img');
  await expect(photo).toHaveJSProperty('complete', true);
  expect(await photo.evaluate((image: HTMLImageElement) => [image.getAttribute('width'), image.getAttribute('height'), image.naturalWidth > 0])).toEqual(['1600', '1000', true]);
  expect(await visitor.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
  await expect(visitor.locator('meta[property="og:image"]')).toHaveAttribute('content', /^https?:\/\/[^/]+\/.*media\/[a-z0-9]+-full\.jpg$/);
  await expect(visitor.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const weight = await pageWeight(visitor);
  console.log(`photo story page weight: ${(weight / 1024).toFixed(1)} KB (budget ${PHOTO_STORY_BUDGET_BYTES / 1024} KB)`);
  expect(weight).toBeLessThanOrEqual(PHOTO_STORY_BUDGET_BYTES);
  expect(await accessibilityViolations(visitor)).toEqual([]);
});
