import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPodcastFeed, listPodcastEpisodes } from '../../lib/articles/podcast.ts';
import { podcastCover, COVER_SIZE } from '../../lib/articles/podcast-cover.ts';
import type { Actor } from '../../lib/auth/actor.ts';
import { checkArticleDoc, docToPlainText, countWords } from '../../lib/content/document.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { platformDb as db } from '../../lib/db.ts';
import { readMediaFile, uploadAudio } from '../../lib/media/index.ts';
import { rangedResponse, requestedRange } from '../../lib/media/ranges.ts';
import { replaceNameInDoc } from '../../lib/removals/anonymize.ts';
import { readUploadedFile } from '../../lib/result.ts';
import { getSchoolBySlug } from '../../lib/tenants/index.ts';
import { checklistErrors } from '../../lib/workflow/checklist.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { silentMp3, silentMp3Seconds } from '../../e2e/audio.ts';
import { adviserOfNewSchool, docOf, publishedStory, seededActors, wordsOf } from '../factories.ts';
import sharp from 'sharp';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
});

async function upload(actor: Actor, seconds: number, tags?: { title: string; artist: string }) {
  const uploaded = await uploadAudio(actor, { bytes: silentMp3(seconds, tags), filename: 'episode.mp3' });
  if (!uploaded.ok) throw new Error(uploaded.error);
  return uploaded.data;
}

const audioNode = (attrs: Record<string, unknown>) => ({ type: 'audio', attrs });

describe('an audio upload', () => {
  it('is stored without its tags, measured from its frames, and served in ranges', async () => {
    const tags = { title: 'Episode 4', artist: 'Recorded by Jane Doe at 12 Elm Street' };
    const tagged = silentMp3(6, tags);
    const uploaded = await upload(people.andrew, 6, tags);
    expect(uploaded.src).toMatch(/^\/canyon-crest\/media\/[a-z0-9]+-full\.mp3$/);
    expect(uploaded.duration).toBeCloseTo(silentMp3Seconds(6), 3);
    expect(uploaded.byteSize).toBe(silentMp3(6).length);
    expect(uploaded.byteSize).toBeLessThan(tagged.length);

    const file = await readMediaFile((await getSchoolBySlug('canyon-crest'))!.id, uploaded.src.split('/').pop()!);
    expect(file?.contentType).toBe('audio/mpeg');
    expect(file!.bytes.equals(silentMp3(6))).toBe(true);
    expect(file!.bytes.includes(Buffer.from('Jane Doe'))).toBe(false);
    const row = await db.media.findUniqueOrThrow({ where: { id: uploaded.id } });
    expect(row).toMatchObject({ mimeType: 'audio/mpeg', byteSize: uploaded.byteSize, width: null, height: null });

    // A player's first request, a skip to the middle, the last bytes, and one past the end.
    const part = rangedResponse(file!.bytes, 'bytes=0-99', {});
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${file!.bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file!.bytes.subarray(0, 100))).toBe(true);
    const whole = rangedResponse(file!.bytes, null, {});
    expect([whole.status, whole.headers.get('accept-ranges'), Number(whole.headers.get('content-length'))]).toEqual([200, 'bytes', file!.bytes.length]);
    expect(rangedResponse(file!.bytes, `bytes=${file!.bytes.length}-`, {}).status).toBe(416);
    // The last 500 bytes; an open end; several ranges at once, answered with the whole file.
    expect(requestedRange('bytes=-500', 2000)).toEqual({ start: 1500, end: 1999 });
    expect(requestedRange('bytes=1900-', 2000)).toEqual({ start: 1900, end: 1999 });
    expect(requestedRange('bytes=0-10, 20-30', 2000)).toBeNull();
    // A recording is never turned into an image, whatever the address asks for.
    expect(await readMediaFile(row.schoolId, `${uploaded.id}-full.avif`)).toBeNull();
    expect(await readMediaFile(row.schoolId, `${uploaded.id}-480.mp3`)).toBeNull();
  });

  it('is refused with a message that says what to do when it is not an MP3, empty, or too large to read', async () => {
    const notMp3 = await uploadAudio(people.andrew, { bytes: Buffer.from('RIFF....WAVEfmt '), filename: 'interview.wav' });
    expect(notMp3).toMatchObject({ ok: false, status: 415 });
    if (!notMp3.ok) expect(notMp3.fieldErrors?.file).toMatch(/not an MP3.*Export the recording/);
    // Tags and nothing else: no audio to measure.
    const onlyTags = await uploadAudio(people.andrew, { bytes: silentMp3(0, { title: 'x', artist: 'y' }), filename: 'empty.mp3' });
    expect(onlyTags.ok).toBe(false);
    expect(await uploadAudio(people.andrew, { bytes: Buffer.alloc(0), filename: 'none.mp3' })).toMatchObject({ ok: false, status: 422 });
    // A body that says it is larger than the limit is refused before it is read.
    const huge = new Request('http://localhost/upload', { method: 'POST', headers: { 'content-length': String(500 * 1024 * 1024), 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
    const read = await readUploadedFile(huge, 101 * 1024 * 1024);
    expect(read).toMatchObject({ ok: false, status: 413 });
    if (!read.ok) expect(read.error).toMatch(/500\.0 MB; at most 101 MB/);
  });
});

describe('audio in a story', () => {
  it('renders as a player that fetches nothing until played, a download link and the transcript; other sites’ audio is not rendered', () => {
    const doc = {
      type: 'doc',
      content: [
        audioNode({
          src: '/canyon-crest/media/abc123-full.mp3',
          mediaId: 'abc123',
          title: 'Ravens Radio, Episode 4',
          duration: 754,
          transcript: 'HOST: Welcome back.\n\nGUEST: Thanks for having me <script>alert(1)</script>.',
        }),
        audioNode({ src: 'https://tracker.example/listen.mp3', title: 'Elsewhere', transcript: 'x' }),
      ],
    };
    expect(checkArticleDoc(doc).ok).toBe(true);
    const html = renderArticleHtml(doc);
    expect(html).toContain('<audio controls="controls" preload="none" src="/canyon-crest/media/abc123-full.mp3" aria-label="Listen: Ravens Radio, Episode 4"></audio>');
    expect(html).toContain('Download the audio (MP3, 12:34)');
    expect(html).toContain(
      '<details class="transcript"><summary>Transcript: Ravens Radio, Episode 4</summary><p>HOST: Welcome back.</p><p>GUEST: Thanks for having me &lt;script&gt;alert(1)&lt;/script&gt;.</p></details>',
    );
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('This audio is not available.');
  });

  it('is searchable by its transcript but not counted as the story’s words, and a removal replaces a name in it', () => {
    const doc = {
      type: 'doc',
      content: [...docOf('Three words here.').content, audioNode({ src: '/canyon-crest/media/abc-full.mp3', title: 'Talk with Jane Doe', transcript: 'Jane Doe says the bus is late.' })],
    };
    expect(docToPlainText(doc)).toContain('Jane Doe says the bus is late.');
    expect(countWords(docToPlainText(doc, { captions: false }))).toBe(3);
    const replaced = replaceNameInDoc(doc, ['Jane Doe'], 'a junior');
    expect((replaced.content[1] as { attrs?: unknown }).attrs).toMatchObject({ title: 'Talk with a junior', transcript: 'a junior says the bus is late.' });
  });

  it('must have a title and a transcript before it is submitted, unless the school turned that rule off', () => {
    const rules = { checklist: {}, maxHeadlineLength: 100, minimumWords: 10 };
    const body = {
      type: 'doc',
      content: [
        ...docOf(wordsOf(20)).content,
        audioNode({ src: '/x/media/a-full.mp3', title: 'Episode 1', transcript: 'Said.' }),
        audioNode({ src: '/x/media/b-full.mp3', title: '', transcript: ' ' }),
      ],
    };
    const submission = { headline: 'Podcast', body, bylineCount: 1 };
    expect(checklistErrors(submission, rules)).toEqual({ 'audio.1': 'Audio 2 needs a title and a transcript.' });
    expect(checklistErrors(submission, { ...rules, checklist: { audioTranscripts: false } })).toEqual({});
  });
});

describe('the podcast feed', () => {
  it('lists published stories with audio, newest first, with the enclosure and the iTunes tags podcast apps require', async () => {
    const adviser = await adviserOfNewSchool('podcast');
    const first = await upload(adviser, 4);
    const second = await upload(adviser, 9);
    const clip = (file: { id: string; src: string; duration: number }, title: string) =>
      audioNode({ src: file.src, mediaId: file.id, duration: file.duration, title, transcript: `${title} transcript.` });
    await publishedStory(adviser, adviser, 'Episode 1: The New Schedule', 'What the bell changes mean.', ['Show notes.'], undefined, [clip(first, 'Episode 1')]);
    await publishedStory(adviser, adviser, 'Episode 2: Lunch Lines', 'Why they are long.', ['Show notes.'], undefined, [clip(second, 'Episode 2')]);
    await publishedStory(adviser, adviser, 'A Story Without Audio', 'Text only.', ['Words.']);
    // Audio of another school's, named in a story here: not an episode of this school's podcast.
    const elsewhere = await upload(people.andrew, 3);
    await publishedStory(adviser, adviser, 'Borrowed Audio', 'Not ours.', ['Words.'], undefined, [clip(elsewhere, 'Borrowed')]);

    const school = (await getSchoolBySlug(adviser.schoolSlug))!;
    const feed = await new Parser().parseString(await buildPodcastFeed(school));
    expect(feed.title).toBe(`${school.newspaperName} Podcast`);
    expect(feed.itunes).toMatchObject({ author: school.newspaperName, explicit: 'false', image: expect.stringMatching(/\/podcast-cover\.png$/), categories: ['News'] });
    expect(feed.language).toBe(school.locale.toLowerCase());
    expect(feed.items.map((item) => item.title)).toEqual(['Episode 2: Lunch Lines', 'Episode 1: The New Schedule']);
    const [latest] = feed.items;
    expect(latest!.enclosure).toEqual({ url: expect.stringMatching(new RegExp(`/media/${second.id}-full\\.mp3$`)), length: String(second.byteSize), type: 'audio/mpeg' });
    expect(latest!.itunes).toMatchObject({ duration: String(Math.round(second.duration)), explicit: 'false', episodeType: 'full' });
    expect(latest!.guid).toBeTruthy();
    expect(latest!.link).toMatch(/\/articles\/episode-2-lunch-lines$/);
    expect((await listPodcastEpisodes(school)).length).toBe(2);

    // The cover is a square PNG in the size range podcast apps accept.
    const cover = await sharp(await podcastCover(school)).metadata();
    expect([cover.format, cover.width, cover.height]).toEqual(['png', COVER_SIZE, COVER_SIZE]);
  });
});
