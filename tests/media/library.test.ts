import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import { uploadImage, uploadAudio } from '../../lib/media/index.ts';
import { searchMediaLibrary, updateMediaDetails } from '../../lib/media/library.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { silentMp3 } from '../../e2e/audio.ts';
import { publishedStory, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
});

async function photo(actor: Actor, filename: string, details: { alt?: string; caption?: string; credit?: string } = {}) {
  const uploaded = await uploadImage(actor, { bytes: await jpegWithGps(640, 480), filename }, details);
  if (!uploaded.ok) throw new Error(uploaded.error);
  return uploaded.data;
}

async function found(actor: Actor, query: Record<string, string>) {
  const result = await searchMediaLibrary(actor, query);
  if (!result.ok) throw new Error(result.error);
  return result.data.items.map((item) => item.originalFilename);
}

describe('the media library', () => {
  it('finds uploads by words of their caption, credit, alt text and file name (as prefixes), by uploader, kind and rights, newest first', async () => {
    await photo(people.andrew, 'homecoming-court.jpg', { caption: 'The homecoming court waves from the float.', credit: 'Andrew Choi' });
    await photo(people.jordan, 'robotics.jpg', { caption: 'Robotics team at regionals.', credit: 'Lena Ortiz', alt: 'Three students with a robot.' });
    const episode = await uploadAudio(people.andrew, { bytes: silentMp3(3), filename: 'robotics-interview.mp3' });
    if (!episode.ok) throw new Error(episode.error);

    expect(await found(people.editor, { q: 'homecom' })).toEqual(['homecoming-court.jpg']);
    expect(await found(people.editor, { q: 'Lena' })).toEqual(['robotics.jpg']);
    expect(await found(people.editor, { q: 'robot' })).toEqual(['robotics-interview.mp3', 'robotics.jpg']);
    expect(await found(people.editor, { q: 'robot', kind: 'image' })).toEqual(['robotics.jpg']);
    expect(await found(people.editor, { q: 'robotics team regionals' })).toEqual(['robotics.jpg']);
    // Who uploaded it counts too: Jordan's photo credits someone else.
    expect(await found(people.editor, { q: 'jordan' })).toEqual(['robotics.jpg']);
    // Punctuation is not syntax.
    expect(await found(people.editor, { q: "court's & | !float:*" })).toEqual(['homecoming-court.jpg']);
    expect(await searchMediaLibrary(people.editor, { q: 'x'.repeat(201) })).toMatchObject({ ok: false, status: 422 });

    const lena = await searchMediaLibrary(people.editor, { q: 'Lena' });
    if (!lena.ok) throw new Error(lena.error);
    const [robotics] = lena.data.items;
    expect(robotics).toMatchObject({ usageRights: 'UNKNOWN', src: expect.stringMatching(/^\/canyon-crest\/media\//) });
    expect(
      await updateMediaDetails(people.editor, robotics!.id, {
        alt: 'Three students with a robot.',
        caption: 'Robotics team at regionals.',
        credit: 'Lena Ortiz',
        usageRights: 'PERMISSION',
        rightsNote: '',
      }),
    ).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { rightsNote: 'Say who gave permission, and when.' },
    });
    expect(
      await updateMediaDetails(people.editor, robotics!.id, {
        alt: 'Three students with a robot.',
        caption: 'Robotics team at regionals.',
        credit: 'Lena Ortiz',
        usageRights: 'PERMISSION',
        rightsNote: 'Lena Ortiz, by e-mail on Nov. 2',
      }),
    ).toMatchObject({ ok: true });
    expect(await found(people.editor, { rights: 'PERMISSION' })).toEqual(['robotics.jpg']);
    expect(await found(people.editor, { q: 'robot', rights: 'UNKNOWN' })).toEqual(['robotics-interview.mp3']);
  });

  it('lets the uploader and editors record details and rights, nobody else; another school sees nothing', async () => {
    const upload = await photo(people.andrew, 'bleachers.jpg');
    const details = { alt: 'Empty bleachers.', caption: 'Before the game.', credit: 'Andrew Choi', usageRights: 'STAFF', rightsNote: '' };
    expect(await updateMediaDetails(people.jordan, upload.id, details)).toMatchObject({ ok: false, status: 403 });
    expect(await updateMediaDetails(people.andrew, upload.id, details)).toMatchObject({ ok: true });
    expect(await updateMediaDetails(people.andrew, upload.id, { ...details, usageRights: 'STOLEN' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { usageRights: 'Choose the usage rights.' },
    });
    const jordanView = await searchMediaLibrary(people.jordan, { q: 'bleachers' });
    expect(jordanView.ok && jordanView.data.items.map((item) => [item.caption, item.usageRights, item.editable])).toEqual([['Before the game.', 'STAFF', false]]);

    expect(await updateMediaDetails(people.lincolnAdviser, upload.id, details)).toMatchObject({ ok: false, status: 404 });
    expect(await found(people.lincolnAdviser, { q: 'bleachers' })).toEqual([]);
  });

  it('learns a photo’s caption, credit and alt text from the story it is published in, keeping what the library already says', async () => {
    const blank = await photo(people.andrew, 'IMG_4471.jpg');
    const described = await photo(people.andrew, 'IMG_4472.jpg', { caption: 'Written in the library.' });
    const figure = (upload: { id: string; src: string }, caption: string) => ({
      type: 'figure',
      attrs: { src: upload.src, mediaId: upload.id, width: 640, height: 480, alt: 'Seniors at the bonfire.', caption, credit: 'Jordan Reyes' },
    });
    await publishedStory(people.andrew, people.adviser, `Bonfire night ${Date.now().toString(36)}`, 'Seniors light it.', ['The bonfire was lit at eight.'], undefined, [
      figure(blank, 'The senior bonfire.'),
      figure(described, 'Written in the story.'),
    ]);
    const rows = await db.media.findMany({ where: { id: { in: [blank.id, described.id] } }, orderBy: { originalFilename: 'asc' }, select: { caption: true, credit: true, alt: true } });
    expect(rows).toEqual([
      { caption: 'The senior bonfire.', credit: 'Jordan Reyes', alt: 'Seniors at the bonfire.' },
      { caption: 'Written in the library.', credit: 'Jordan Reyes', alt: 'Seniors at the bonfire.' },
    ]);
    expect(await found(people.editor, { q: 'bonfire' })).toEqual(['IMG_4472.jpg', 'IMG_4471.jpg']);
  });
});
