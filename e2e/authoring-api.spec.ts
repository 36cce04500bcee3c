import { expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { signIn } from './helpers';
import { silentMp3, silentMp3Seconds } from './audio';
import { jpegWithGps } from './images';

// The authoring endpoints over real HTTP: what a browser (or anyone else) gets for bad input,
// foreign requests and other schools' articles. Every answer is a 4xx with a message, never a 500.
const origin = { Origin: baseURL };

test('the save endpoint answers bad input, stale versions, other origins and other schools with clear 4xx', async ({ page }) => {
  await signIn(page, 'andrew.choi@canyoncrest.example');
  const created = await page.request.post('/api/schools/canyon-crest/articles', { headers: origin, data: { headline: 'API Draft' } });
  expect(created.status()).toBe(201);
  const { id, version } = (await created.json()) as { id: string; version: number };
  const url = `/api/schools/canyon-crest/articles/${id}`;
  const body = {
    expectedVersion: version,
    headline: 'API Draft',
    deck: '',
    sectionId: null,
    tags: [],
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saved.' }] }] },
    bylines: [],
  };

  const saved = await page.request.put(url, { headers: origin, data: body });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ version: version + 1, changed: true });

  const stale = await page.request.put(url, { headers: origin, data: { ...body, headline: 'Stale' } });
  expect(stale.status()).toBe(409);
  expect(await stale.json()).toMatchObject({ conflict: { version: version + 1, headline: 'API Draft' } });

  const invalid = await page.request.put(url, { headers: origin, data: { ...body, expectedVersion: version + 1, headline: 42, tags: 'news' } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).fieldErrors).toMatchObject({ headline: expect.any(String), tags: expect.any(String) });

  const notJson = await page.request.put(url, { headers: { ...origin, 'Content-Type': 'application/json' }, data: Buffer.from('{"headline": ') });
  expect(notJson.status()).toBe(400);

  // A page on another site cannot make this browser save.
  const foreignOrigin = await page.request.put(url, { headers: { Origin: 'https://evil.example' }, data: { ...body, expectedVersion: version + 1 } });
  expect(foreignOrigin.status()).toBe(403);

  // A member of another school finds nothing at this article's address.
  await page.context().clearCookies();
  await signIn(page, 'adviser@lincoln.example');
  const otherSchool = await page.request.put(`/api/schools/lincoln-high/articles/${id}`, { headers: origin, data: { ...body, expectedVersion: version + 1 } });
  expect(otherSchool.status()).toBe(404);
  const notMember = await page.request.put(url, { headers: origin, data: { ...body, expectedVersion: version + 1 } });
  expect(notMember.status()).toBe(404);

  await page.context().clearCookies();
  const signedOut = await page.request.put(url, { headers: origin, data: body });
  expect(signedOut.status()).toBe(401);
});

test('uploads are checked by their bytes over HTTP, and the stored photo is served without GPS', async ({ page }) => {
  await signIn(page, 'andrew.choi@canyoncrest.example');
  const disguised = await page.request.post('/api/schools/canyon-crest/media', {
    headers: origin,
    multipart: { file: { name: 'cat.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<svg onload="alert(1)"></svg>') } },
  });
  expect(disguised.status()).toBe(415);
  expect((await disguised.json()).fieldErrors.file).toBe('This file is not a JPEG, PNG, GIF or WebP image.');

  const noFile = await page.request.post('/api/schools/canyon-crest/media', { headers: origin, multipart: { alt: 'nothing' } });
  expect(noFile.status()).toBe(422);

  const photo = await page.request.post('/api/schools/canyon-crest/media', { headers: origin, multipart: { file: { name: 'bus.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(800, 600) } } });
  expect(photo.status()).toBe(201);
  const { src } = (await photo.json()) as { src: string };
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  expect((await served.body()).includes(Buffer.from('PhoneCam'))).toBe(false);
  // The same file name under another school's address is not found.
  expect((await page.request.get(src.replace('/canyon-crest/', '/lincoln-high/'))).status()).toBe(404);

  // An episode of twelve minutes (11.5 MB) arrives whole: a body through Next's proxy is cut at
  // 10 MB, so uploads do not pass through it.
  const episode = silentMp3(12 * 60);
  const audio = await page.request.post('/api/schools/canyon-crest/media', { headers: origin, multipart: { kind: 'audio', file: { name: 'episode.mp3', mimeType: 'audio/mpeg', buffer: episode } } });
  expect(audio.status(), await audio.text()).toBe(201);
  expect(await audio.json()).toMatchObject({ byteSize: episode.length, duration: expect.closeTo(silentMp3Seconds(12 * 60), 3) });
  // A picture sent as audio is refused as audio, with what to do instead.
  const notAudio = await page.request.post('/api/schools/canyon-crest/media', {
    headers: origin,
    multipart: { kind: 'audio', file: { name: 'bus.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(80, 60) } },
  });
  expect([notAudio.status(), (await notAudio.json()).fieldErrors.file]).toEqual([415, expect.stringMatching(/not an MP3/)]);
});
