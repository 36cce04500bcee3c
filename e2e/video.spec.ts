// A video story from the newsroom to a reader: the reporter uploads a clip in the editor (a phone's,
// tagged with where it was shot), gives it a title, captions and a poster picture; the adviser
// publishes it; a reader gets a player that fetches nothing of the video before play, with the
// captions on by default, and the stored file has no location in it.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { accessibilityViolations } from './accessibility';
import { draftOverApi, expectSaved, signIn, signedInRequests, submitApprovePublish } from './helpers';
import { photoJpeg } from './images';
import { CLIP_LOCATION, captionsFor, clipWithLocation, webmWithLocation } from './video';

test('a reporter publishes a video with captions and a poster; a reader gets it with captions on, and nothing of it loads before play', async ({ page, browser, request }) => {
  const run = Date.now().toString(36);
  const headline = `Ravens Clinch the League Title ${run}`;
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const { id } = await draftOverApi('canyon-crest', headline, reporter, 'The last three minutes, from the sideline.');

  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  await page.getByLabel('Upload video (MP4 or WebM)').setInputFiles({ name: 'final-minutes.mp4', mimeType: 'video/mp4', buffer: clipWithLocation() });
  const clip = page.getByRole('figure', { name: 'Video: untitled' });
  await expect(clip).toContainText('Video · 0:03', { timeout: 30_000 });
  await clip.getByLabel(/^Title/).fill('The Final Whistle');
  const video = page.getByRole('figure', { name: 'Video: The Final Whistle' });
  await video
    .getByLabel('Add captions (.vtt)')
    .setInputFiles({ name: 'final.vtt', mimeType: 'text/vtt', buffer: Buffer.from(captionsFor(['[Crowd cheering]', 'COACH: That is the title!', '[Whistle]'])) });
  await expect(video.getByText('Captions attached (shown by default).')).toBeVisible({ timeout: 30_000 });
  await video.getByLabel('Add a poster picture').setInputFiles({ name: 'poster.jpg', mimeType: 'image/jpeg', buffer: await photoJpeg(640, 360) });
  await expect(video.getByText('Replace poster picture')).toBeVisible({ timeout: 30_000 });
  await expectSaved(page);
  expect(await accessibilityViolations(page)).toEqual([]);

  const state = (await (await reporter.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish('canyon-crest', id, state.version, reporter, adviser);

  const reader = await (await browser.newContext()).newPage();
  const videoRequests: string[] = [];
  reader.on('request', (sent) => {
    if (sent.url().endsWith('.mp4')) videoRequests.push(sent.url());
  });
  await reader.goto(`/canyon-crest/articles/${state.slug}`);
  const player = reader.getByLabel('Watch: The Final Whistle');
  await expect(player).toHaveAttribute('preload', 'none');
  await expect(player).toHaveAttribute('poster', /\/canyon-crest\/media\/[a-z0-9]+-full\.jpg$/);
  expect(await player.evaluate((element: HTMLVideoElement) => [element.width, element.height])).toEqual([320, 180]);
  // The captions are on by default, in English, and the browser reads all three cues.
  const track = player.locator('track');
  await expect(track).toHaveAttribute('label', 'English captions');
  const cues = await track.evaluate(
    (element: HTMLTrackElement) =>
      new Promise<string[]>((resolve) => {
        const read = () => resolve([...(element.track.cues ?? [])].map((cue) => (cue as VTTCue).text));
        if (element.readyState === 2) return read();
        element.addEventListener('load', read);
        element.track.mode = 'showing';
      }),
  );
  expect(cues).toEqual(['[Crowd cheering]', 'COACH: That is the title!', '[Whistle]']);
  expect(videoRequests).toEqual([]);
  expect(await accessibilityViolations(reader)).toEqual([]);

  // The stored file has no location in it, and plays from ranges as players ask.
  const src = (await player.locator('source').getAttribute('src'))!;
  const stored = await request.get(src);
  expect([stored.status(), stored.headers()['content-type']]).toEqual([200, 'video/mp4']);
  const body = await stored.body();
  expect(body.length).toBe(clipWithLocation().length);
  expect(body.includes(Buffer.from(CLIP_LOCATION))).toBe(false);
  const part = await request.get(src, { headers: { Range: 'bytes=0-1023' } });
  expect([part.status(), (await part.body()).length]).toEqual([206, 1024]);
});

test('a YouTube video in a story reaches YouTube only when the reader presses play, and then only its no-cookie player', async ({ page, browser }) => {
  const run = Date.now().toString(36);
  const headline = `Homecoming in Ninety Seconds ${run}`;
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const { id } = await draftOverApi('canyon-crest', headline, reporter, 'The broadcast team’s cut of the night.');

  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  await page.getByRole('button', { name: 'YouTube or Vimeo' }).click();
  await page.getByLabel('YouTube or Vimeo address').fill('https://vimeo.example/not-a-video');
  await page.getByRole('button', { name: 'Add video' }).click();
  await expect(page.getByText('Paste the address of a YouTube or Vimeo video.')).toBeVisible();
  await page.getByLabel('YouTube or Vimeo address').fill('https://youtu.be/dQw4w9WgXcQ?si=share');
  await page.getByRole('button', { name: 'Add video' }).click();
  await page
    .getByRole('figure', { name: 'YouTube video: untitled' })
    .getByLabel(/^Title/)
    .fill('Homecoming Highlights');
  await expectSaved(page);

  const state = (await (await reporter.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish('canyon-crest', id, state.version, reporter, adviser);

  // The reader's browser: every request it makes is recorded, and the player's address answered
  // here (these machines reach no video site).
  const context = await browser.newContext();
  const elsewhere: string[] = [];
  context.on('request', (sent) => {
    if (!sent.url().startsWith(new URL(page.url()).origin) && !sent.url().startsWith('about:') && !sent.url().startsWith('data:')) elsewhere.push(sent.url());
  });
  await context.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>The player</p>' }));
  const reader = await context.newPage();
  await reader.goto(`/canyon-crest/articles/${state.slug}`);
  const frame = reader.frameLocator('iframe[title="YouTube video: Homecoming Highlights (loads when you press play)"]');
  await expect(frame.getByRole('link', { name: /Play “Homecoming Highlights”/ })).toBeVisible();
  expect(elsewhere).toEqual([]);
  expect(await accessibilityViolations(reader)).toEqual([]);

  await frame.getByRole('link', { name: /Play “Homecoming Highlights”/ }).click();
  await expect(frame.getByText('The player')).toBeVisible();
  // The player is a frame of another site, in a process of its own: the browser may report its
  // request a moment after the frame shows what was answered.
  await expect.poll(() => elsewhere).toEqual(['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&cc_load_policy=1&rel=0']);
});

test('a reporter takes a WebM clip’s poster from the frame the player shows', async ({ page, request }) => {
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const { id } = await draftOverApi('canyon-crest', `Warm-ups Before the Final ${Date.now().toString(36)}`, reporter, 'The team before kick-off.');

  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  await page.getByLabel('Upload video (MP4 or WebM)').setInputFiles({ name: 'warm-ups.webm', mimeType: 'video/webm', buffer: webmWithLocation() });
  const clip = page.getByRole('figure', { name: 'Video: untitled' });
  await expect(clip).toContainText('Video · 0:03', { timeout: 30_000 });
  // The reporter scrubs to the moment they want (the player's own controls set this position).
  await clip.locator('video').evaluate((video: HTMLVideoElement) => {
    video.currentTime = 1.5;
  });
  await clip.getByRole('button', { name: 'Use the frame shown as the poster' }).click();
  await expect(clip.getByText('Replace poster picture')).toBeVisible({ timeout: 30_000 });
  await expectSaved(page);

  // The poster is the clip's picture, at its size, not an empty canvas: ffmpeg's test pattern is
  // many colours, an undrawn frame one.
  const poster = (await clip.locator('video').getAttribute('poster'))!;
  expect(poster).toMatch(/\/canyon-crest\/media\/[a-z0-9]+-full\.jpg$/);
  const picture = sharp(await (await request.get(poster)).body());
  expect(await picture.metadata()).toMatchObject({ width: 320, height: 180, format: 'jpeg' });
  const { channels } = await picture.stats();
  expect(Math.max(...channels.map((channel) => channel.stdev))).toBeGreaterThan(40);
});
