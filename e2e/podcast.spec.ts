// A podcast episode from the newsroom to a listener: the reporter uploads the recording in the
// editor and gives it a title and a transcript, the adviser publishes the story, a reader gets a
// player that fetches nothing before they press play, a download link and the transcript, and the
// school's podcast feed carries the episode as podcast apps need it, read by an independent parser.
import Parser from 'rss-parser';
import { expect, test } from '@playwright/test';
import { accessibilityViolations } from './accessibility';
import { draftOverApi, expectSaved, signIn, signedInRequests, submitApprovePublish } from './helpers';
import { silentMp3, silentMp3Seconds } from './audio';

test('a reporter publishes a podcast episode with its transcript; a reader listens and reads, and podcast apps get it from the feed', async ({ page, browser, request }) => {
  const run = Date.now().toString(36);
  const headline = `Ravens Radio: The Bell Schedule ${run}`;
  const reporter = await signedInRequests('andrew.choi@canyoncrest.example');
  const adviser = await signedInRequests('adviser@canyoncrest.example');
  const { id } = await draftOverApi('canyon-crest', headline, reporter, 'Two seniors on what the new bell schedule changes.');

  // The reporter: the recording (tagged by the app it came from), its title and its transcript.
  await signIn(page, 'andrew.choi@canyoncrest.example');
  await page.goto(`/canyon-crest/newsroom/articles/${id}`);
  const recording = silentMp3(12, { title: 'Take 3', artist: 'Andrew Choi, 4410 Mesa Drive' });
  await page.getByLabel('Upload audio (MP3)').setInputFiles({ name: 'bell-schedule.mp3', mimeType: 'audio/mpeg', buffer: recording });
  const clip = page.getByRole('figure', { name: 'Audio: untitled' });
  await expect(clip).toBeVisible({ timeout: 30_000 });
  await expect(clip).toContainText('Audio · 0:12');
  await clip.getByLabel(/^Title/).fill('The Bell Schedule, Explained');
  await page
    .getByRole('figure', { name: 'Audio: The Bell Schedule, Explained' })
    .getByLabel(/^Transcript/)
    .fill('MAYA: The first bell moves to 8:05.\n\nLEO: And lunch gets ten minutes longer.');
  await expectSaved(page);
  expect(await accessibilityViolations(page)).toEqual([]);

  const state = (await (await reporter.get(`/api/schools/canyon-crest/articles/${id}/state`)).json()) as { version: number; slug: string };
  await submitApprovePublish('canyon-crest', id, state.version, reporter, adviser);

  // A reader: the player asks for nothing until played; the transcript is there to read.
  const reader = await (await browser.newContext()).newPage();
  const audioRequests: string[] = [];
  reader.on('request', (sent) => {
    if (sent.url().endsWith('.mp3')) audioRequests.push(sent.url());
  });
  await reader.goto(`/canyon-crest/articles/${state.slug}`);
  const player = reader.getByLabel('Listen: The Bell Schedule, Explained');
  await expect(player).toHaveAttribute('preload', 'none');
  await expect(reader.getByText('Download the audio (MP3, 0:12)')).toBeVisible();
  await reader.getByText('Transcript: The Bell Schedule, Explained').click();
  await expect(reader.getByText('LEO: And lunch gets ten minutes longer.')).toBeVisible();
  expect(audioRequests).toEqual([]);
  expect(await accessibilityViolations(reader)).toEqual([]);
  // Pressing play fetches the recording, in ranges, from this site.
  await player.evaluate((audio: HTMLAudioElement) => audio.play().catch(() => undefined));
  await expect.poll(() => audioRequests.length).toBeGreaterThan(0);
  expect(audioRequests.every((url) => new URL(url).origin === new URL(reader.url()).origin)).toBe(true);

  // Podcast apps: the feed, as an independent parser reads it.
  const feedResponse = await request.get('/canyon-crest/podcast.xml');
  expect(feedResponse.headers()['content-type']).toContain('application/rss+xml');
  const feed = await new Parser().parseString(await feedResponse.text());
  expect(feed.title).toBe('The Raven Report Podcast');
  expect(feed.itunes).toMatchObject({ author: 'The Raven Report', explicit: 'false', categories: ['News'], image: expect.stringMatching(/\/podcast-cover\.png$/) });
  const episode = feed.items.find((item) => item.title === headline);
  expect(episode?.itunes).toMatchObject({ duration: String(Math.round(silentMp3Seconds(12))), explicit: 'false' });
  expect(episode?.enclosure?.type).toBe('audio/mpeg');
  // The enclosure is the stored file, tags cut off: its length is what the server sends, and a
  // podcast app may fetch it in parts.
  const enclosurePath = `/canyon-crest${new URL(episode!.enclosure!.url).pathname}`;
  const file = await request.get(enclosurePath);
  expect([file.status(), file.headers()['content-type'], file.headers()['accept-ranges']]).toEqual([200, 'audio/mpeg', 'bytes']);
  const body = await file.body();
  expect(String(body.length)).toBe(episode!.enclosure!.length);
  expect(body.includes(Buffer.from('Mesa Drive'))).toBe(false);
  const part = await request.get(enclosurePath, { headers: { Range: 'bytes=1000-1999' } });
  expect([part.status(), part.headers()['content-range'], (await part.body()).length]).toEqual([206, `bytes 1000-1999/${body.length}`, 1000]);
  const cover = await request.get(new URL(feed.itunes!.image!).pathname.replace(/^\/(?!canyon-crest)/, '/canyon-crest/'));
  expect([cover.status(), cover.headers()['content-type']]).toEqual([200, 'image/png']);
});
