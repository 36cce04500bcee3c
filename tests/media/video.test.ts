import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArticleDoc, docToPlainText } from '../../lib/content/document.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { platformDb as db } from '../../lib/db.ts';
import { readMediaFile, uploadCaptions, uploadVideo } from '../../lib/media/index.ts';
import { readMp4 } from '../../lib/media/video.ts';
import { readWebm } from '../../lib/media/webm.ts';
import { checklistErrors } from '../../lib/workflow/checklist.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { silentMp3 } from '../../e2e/audio.ts';
import { CLIP_LOCATION, captionsFor, clipWithLocation, webmWithLocation } from '../../e2e/video.ts';
import { docOf, seededActors, wordsOf } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
});

describe('a video upload', () => {
  it('is stored without where it was shot, the same size and still a movie, measured by its header', async () => {
    const original = clipWithLocation();
    expect(original.includes(Buffer.from(CLIP_LOCATION))).toBe(true);
    const uploaded = await uploadVideo(people.andrew, { bytes: original, filename: 'final.mp4' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(uploaded.data).toMatchObject({ duration: 3, width: 320, height: 180, byteSize: original.length });
    expect(uploaded.data.src).toMatch(/^\/canyon-crest\/media\/[a-z0-9]+-full\.mp4$/);

    const row = await db.media.findUniqueOrThrow({ where: { id: uploaded.data.id } });
    expect(row).toMatchObject({ mimeType: 'video/mp4', duration: 3, width: 320, height: 180 });
    const file = await readMediaFile(row.schoolId, `${uploaded.data.id}-full.mp4`);
    expect(file?.contentType).toBe('video/mp4');
    expect(file!.bytes.includes(Buffer.from(CLIP_LOCATION))).toBe(false);
    expect(file!.bytes.includes(Buffer.from('Raw take 7'))).toBe(false);
    // Only the metadata changed: the movie reads the same, with no metadata box left.
    expect(readMp4(file!.bytes)).toEqual({ duration: 3, width: 320, height: 180, metadata: [] });
    // A movie is never turned into a picture, whatever the address asks for.
    expect(await readMediaFile(row.schoolId, `${uploaded.data.id}-full.webp`)).toBeNull();
  });

  it('as WebM is stored without its tags, title and where it was shot, the same size, still a movie; a browser’s recording is measured by its frames', async () => {
    const original = webmWithLocation();
    expect(original.includes(Buffer.from(CLIP_LOCATION))).toBe(true);
    const uploaded = await uploadVideo(people.andrew, { bytes: original, filename: 'final.webm' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(uploaded.data).toMatchObject({ duration: 3, width: 320, height: 180, byteSize: original.length });
    expect(uploaded.data.src).toMatch(/^\/canyon-crest\/media\/[a-z0-9]+-full\.webm$/);
    const row = await db.media.findUniqueOrThrow({ where: { id: uploaded.data.id } });
    expect(row).toMatchObject({ mimeType: 'video/webm', duration: 3, width: 320, height: 180 });
    const file = await readMediaFile(row.schoolId, `${uploaded.data.id}-full.webm`);
    expect(file?.contentType).toBe('video/webm');
    expect(file!.bytes.length).toBe(original.length);
    for (const text of [CLIP_LOCATION, 'Raw take 7']) expect(file!.bytes.includes(Buffer.from(text)), text).toBe(false);
    // The stored file reads the same, with no metadata left to blank.
    expect(readWebm(file!.bytes)).toEqual({ duration: 3, width: 320, height: 180, metadata: [] });

    // Streamed by a recorder: no stated length, no sizes; the last frame (at 14 of 15 per second) tells.
    const recorded = webmWithLocation('recorded-in-a-browser');
    const fromBrowser = await uploadVideo(people.andrew, { bytes: recorded, filename: 'recording.webm' });
    if (!fromBrowser.ok) throw new Error(fromBrowser.error);
    expect(fromBrowser.data).toMatchObject({ duration: 0.933, width: 320, height: 180 });
    const kept = await readMediaFile(people.andrew.schoolId, `${fromBrowser.data.id}-full.webm`);
    expect(kept!.bytes.includes(Buffer.from(CLIP_LOCATION))).toBe(false);

    // A Matroska file that is not WebM, and a WebM cut short before its tracks, are refused.
    const matroska = Buffer.from(original);
    matroska.write('matr', original.indexOf('webm'), 'latin1');
    expect(await uploadVideo(people.andrew, { bytes: matroska, filename: 'x.mkv' })).toMatchObject({ ok: false, status: 422 });
    expect(await uploadVideo(people.andrew, { bytes: original.subarray(0, 60), filename: 'cut.webm' })).toMatchObject({ ok: false, status: 422 });
    // Garbage after a WebM's signature is refused, never thrown on, and read in bounded time.
    for (let seed = 1; seed <= 200; seed++) {
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (Math.imul(seed * 4099 + index, 2654435761) >>> 24) & 0xff));
      expect(readWebm(Buffer.concat([original.subarray(0, 4), noise]))).toBeNull();
    }
    // Clusters of unknown size, nested a thousand deep.
    const nested = Buffer.concat([
      original.subarray(0, original.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]))),
      Buffer.alloc(12_000, Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])),
    ]);
    const started = performance.now();
    readWebm(nested);
    expect(performance.now() - started).toBeLessThan(1000);
    // In a story, the player is told its type.
    const html = renderArticleHtml({ type: 'doc', content: [{ type: 'video', attrs: { src: uploaded.data.src, mediaId: uploaded.data.id, title: 'Final', duration: 3 } }] });
    expect(html).toContain(`<source src="${uploaded.data.src}" type="video/webm">`);
    expect(html).toContain('Download the video (WebM, 0:03)');
  });

  it('is refused with what to do when it is not an MP4, or an MP4 that cannot be read', async () => {
    const mp3 = await uploadVideo(people.andrew, { bytes: silentMp3(2), filename: 'clip.mp4' });
    expect(mp3).toMatchObject({ ok: false, status: 415 });
    if (!mp3.ok) expect(mp3.fieldErrors?.file).toMatch(/not an MP4 or WebM video\. Export it .* as MP4/);
    const broken = await uploadVideo(people.andrew, { bytes: Buffer.concat([clipWithLocation().subarray(0, 40), Buffer.alloc(200)]), filename: 'cut.mp4' });
    expect(broken).toMatchObject({ ok: false, status: 422 });
  });
});

describe('captions', () => {
  it('are taken as WebVTT with timed cues, and refused in other formats with how to get WebVTT', async () => {
    const good = await uploadCaptions(people.andrew, { bytes: Buffer.from(`\uFEFF${captionsFor(['One.', 'Two.'])}`), filename: 'c.vtt' });
    if (!good.ok) throw new Error(good.error);
    expect(good.data).toMatchObject({ cues: 2, src: expect.stringMatching(/-full\.vtt$/) });
    const file = await readMediaFile(people.andrew.schoolId, good.data.src.split('/').pop()!);
    expect(file?.contentType).toBe('text/vtt; charset=utf-8');
    expect(file!.bytes.toString('utf8').startsWith('WEBVTT')).toBe(true);

    const srt = await uploadCaptions(people.andrew, { bytes: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHello\n'), filename: 'c.srt' });
    expect(srt).toMatchObject({ ok: false, status: 415 });
    if (!srt.ok) expect(srt.fieldErrors?.file).toMatch(/WebVTT file \(\.vtt\).*starts with “WEBVTT”/);
    const noCues = await uploadCaptions(people.andrew, { bytes: Buffer.from('WEBVTT\n\nNOTE nothing timed\n'), filename: 'c.vtt' });
    expect(noCues.ok).toBe(false);
    const notText = await uploadCaptions(people.andrew, { bytes: Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]), filename: 'c.vtt' });
    expect(notText.ok).toBe(false);
  });
});

describe('video in a story', () => {
  const own = { src: '/canyon-crest/media/abc123-full.mp4', mediaId: 'abc123', title: 'The Final Whistle', duration: 150, width: 1280, height: 720 };

  it('renders a player that fetches nothing before play, with its captions on by default; only our own files are named', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'video', attrs: { ...own, posterSrc: '/canyon-crest/media/def456-full.jpg', captionsSrc: '/canyon-crest/media/ghi789-full.vtt', captionsLanguage: 'es' } },
        { type: 'video', attrs: { ...own, posterSrc: 'https://tracker.example/poster.jpg', captionsSrc: 'https://tracker.example/c.vtt' } },
        { type: 'video', attrs: { ...own, src: 'https://tracker.example/clip.mp4' } },
      ],
    };
    expect(checkArticleDoc(doc).ok).toBe(true);
    const html = renderArticleHtml(doc);
    expect(html).toContain(
      '<video controls="controls" preload="none" playsinline="" poster="/canyon-crest/media/def456-full.jpg" width="1280" height="720" aria-label="Watch: The Final Whistle"><source src="/canyon-crest/media/abc123-full.mp4" type="video/mp4"><track kind="captions" src="/canyon-crest/media/ghi789-full.vtt" srclang="es" label="Spanish captions" default="default"></video>',
    );
    expect(html).toContain('Download the video (MP4, 2:30)');
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('This video is not available.');
    expect(docToPlainText(doc)).toContain('The Final Whistle');
  });

  it('must have a title and captions before it is submitted, unless the school turned that rule off', () => {
    const rules = { checklist: {}, maxHeadlineLength: 100, minimumWords: 10 };
    const body = { type: 'doc', content: [...docOf(wordsOf(20)).content, { type: 'video', attrs: { ...own, captionsSrc: null } }] };
    expect(checklistErrors({ headline: 'Highlights', body, bylineCount: 1 }, rules)).toEqual({ 'video.0': 'Video 1 needs captions.' });
    expect(checklistErrors({ headline: 'Highlights', body, bylineCount: 1 }, { ...rules, checklist: { videoCaptions: false } })).toEqual({});
  });
});
