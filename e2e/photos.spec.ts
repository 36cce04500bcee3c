// A photo story from the newsroom to the reader: the reporter gives a story its featured image in
// the editor (photo, alt text, caption, credit, focal point by keyboard), the adviser publishes it,
// and a reader gets it on the front page and the story's page in a modern format, in its reserved
// space, within the page-weight budget docs/BENCHMARKS.md states, with nothing for axe to find.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { draftOverApi, expectSaved, signIn, signedInRequests, story, submitApprovePublish } from './helpers';
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
  const { id } = await draftOverApi('canyon-crest', headline, reporter, 'Three sets, one comeback.');

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
  // Chromium takes AVIF: the photo came once, in that format, instead of the uploaded JPEG (other
  // pictures on the page, such as a school's logo, are not this test's).
  const mediaId = /\/media\/([a-z0-9]+)-/.exec((await leadPhoto.getAttribute('src')) ?? '')?.[1];
  expect(mediaId).toBeTruthy();
  const photoResponses = images.filter((image) => image.url.includes(`/media/${mediaId}-`));
  expect(photoResponses.map((image) => [new URL(image.url).pathname.replace(/^.*-/, ''), image.type])).toEqual([[expect.stringMatching(/^(480|960|full)\.avif$/), 'image/avif']]);
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

test('a reporter builds a gallery; published, a reader moves through it by keyboard, by its links and in its grid, with no script', async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const headline = `Homecoming in Pictures ${run}`;
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const { id } = await draftOverApi('canyon-crest', headline, reporter, 'The week, in photos.');

  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  await story(page).click();
  await page.keyboard.press('Control+End');
  const files = await Promise.all(['parade', 'court', 'dance'].map(async (name) => ({ name: `${name}.jpg`, mimeType: 'image/jpeg', buffer: await photoJpeg(1200, 800) })));
  await page.getByLabel('Upload photos for a gallery').setInputFiles(files);
  const gallery = page.getByRole('region', { name: 'Gallery, 3 photos' });
  await expect(gallery.getByRole('listitem')).toHaveCount(3, { timeout: 30_000 });
  const details = [
    ['The marching band leads the parade down Main Street', 'The band opens the parade.', 'Jordan Reyes'],
    ['The homecoming court waves from a float', 'The court rides past the school.', 'Andrew Choi'],
    ['Students dance under string lights in the gym', 'The dance ends the week.', 'Jordan Reyes'],
  ];
  for (const [index, [alt, caption, credit]] of details.entries()) {
    const item = gallery.getByRole('listitem').nth(index);
    await item.getByLabel(/Alt text/).fill(alt!);
    await item.getByLabel('Caption').fill(caption!);
    await item.getByLabel('Photo credit').fill(credit!);
  }
  // The dance closes the week, but the editor wants it first.
  await gallery.getByRole('button', { name: 'Move photo 3 earlier' }).click();
  await gallery.getByRole('button', { name: 'Move photo 2 earlier' }).click();
  await expect(gallery.getByRole('listitem').first().getByLabel('Caption')).toHaveValue('The dance ends the week.');
  await expectSaved(page);

  const state = (await (await reporter.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish('canyon-crest', id, state.version, reporter, adviser);

  // A reader with JavaScript off, as reader pages need none.
  const reader = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 } })).newPage();
  await reader.goto(`/canyon-crest/articles/${state.slug}`);
  const slides = reader.getByRole('list', { name: /Photo gallery, 3 photos/ });
  const slide = (n: number) => slides.locator(`li.gallery-slide:nth-child(${n})`);
  await expect(slide(1).locator('figcaption')).toContainText('The dance ends the week.Jordan Reyes1 of 3');
  // The slide the row has come to rest on: scrolling is animated, and a key pressed before the
  // snap settles would start from between two slides, so a slide counts only once the row's
  // position has not moved between two readings (50 ms apart) and lines up with it.
  let lastPosition = Number.NaN;
  const restingOn = async () => {
    const { position, index } = await slides.evaluate((list) => {
      const box = list.getBoundingClientRect();
      return { position: list.scrollLeft, index: [...list.children].findIndex((child) => Math.abs(child.getBoundingClientRect().left - box.left) < 1) + 1 };
    });
    const settled = position === lastPosition;
    lastPosition = position;
    return settled ? index : 0;
  };
  const showing = (slideNumber: number) => expect.poll(restingOn, { intervals: [50] }).toBe(slideNumber);
  // By keyboard: the slides take focus like any control, and the arrow keys move one photo at a time.
  await slides.focus();
  await expect(slides).toBeFocused();
  await reader.keyboard.press('ArrowRight');
  await showing(2);
  await reader.keyboard.press('ArrowRight');
  await showing(3);
  await reader.keyboard.press('ArrowLeft');
  await showing(2);
  // By the links under each photo.
  await slide(2).getByRole('link', { name: 'Previous photo (1 of 3)' }).click();
  await showing(1);
  await slide(1).getByRole('link', { name: 'Next photo (2 of 3)' }).press('Enter');
  await showing(2);
  await expect(slide(2).getByRole('img', { name: 'The marching band leads the parade down Main Street' })).toBeVisible();
  // The grid: every photo, each a link to its slide.
  await reader.getByText('See all 3 photos').click();
  const grid = reader.locator('details.gallery-grid');
  await expect(grid.getByRole('link')).toHaveCount(3);
  await grid.getByRole('link', { name: 'Photo 3: The homecoming court waves from a float' }).click();
  await showing(3);
  // axe runs as a script in the page, so it checks the same page in a browser with JavaScript on,
  // the grid open.
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(`/canyon-crest/articles/${state.slug}`);
  await checker.getByText('See all 3 photos').click();
  expect(await accessibilityViolations(checker)).toEqual([]);
});
