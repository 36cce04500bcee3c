import { readFile } from 'node:fs/promises';
import path from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { readMediaFile, uploadImage } from '../../lib/media/index.ts';
import { uploadsRoot } from '../../lib/media/storage.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors } from '../factories.ts';
import { jpegWithGps } from '../../e2e/images.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
});

describe('image uploads', () => {
  it('an uploaded JPEG with GPS data is stored, in every size, without it', async () => {
    const original = await jpegWithGps(2000, 1200);
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toMatchObject({ GPSLatitude: [32, 57, 12.34] });

    const uploaded = await uploadImage(people.andrew, { bytes: original, filename: 'IMG_0001.JPG' }, { alt: 'The gym', caption: 'Finals night', credit: 'Andrew Choi' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(uploaded.data).toMatchObject({ width: 2000, height: 1200, mimeType: 'image/jpeg', src: `/canyon-crest/media/${uploaded.data.id}-full.jpg` });

    const media = await db.media.findUniqueOrThrow({ where: { id: uploaded.data.id } });
    const keys = [media.storageKey, ...(media.variants as { storageKey: string }[]).map((variant) => variant.storageKey)];
    expect(keys).toHaveLength(4); // full, 480, 960, 1600
    for (const key of keys) {
      const stored = await readFile(path.join(uploadsRoot(), key));
      const metadata = await sharp(stored).metadata();
      expect(metadata.format).toBe('jpeg');
      // No EXIF block at all, so no GPS, camera or time stamp.
      expect(metadata.exif, key).toBeUndefined();
      expect(stored.includes(Buffer.from('PhoneCam')), key).toBe(false);
    }
    const widths = await Promise.all(keys.map(async (key) => (await sharp(await readFile(path.join(uploadsRoot(), key))).metadata()).width));
    expect(widths).toEqual([2000, 480, 960, 1600]);
  });

  it('files are read back only through their own school', async () => {
    const uploaded = await uploadImage(people.andrew, { bytes: await jpegWithGps(600, 400), filename: 'a.jpg' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const file = `${uploaded.data.id}-full.jpg`;
    expect(await readMediaFile(people.andrew.schoolId, file)).toMatchObject({ contentType: 'image/jpeg' });
    expect(await readMediaFile(people.lincolnAdviser.schoolId, file)).toBeNull();
    expect(await readMediaFile(people.andrew.schoolId, '../../etc/passwd')).toBeNull();
  });

  it('the type is sniffed from the bytes: HTML, SVG and text named .jpg are refused with a clear message', async () => {
    for (const [bytes, filename] of [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'photo.jpg'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg'],
      [Buffer.from('just text'), 'notes.png'],
    ] as const) {
      const result = await uploadImage(people.andrew, { bytes, filename });
      expect(result).toMatchObject({ ok: false, status: 415, fieldErrors: { file: 'This file is not a JPEG, PNG, GIF or WebP image.' } });
    }
  });

  it('an oversized or damaged image is refused, and bad details name their field', async () => {
    const huge = Buffer.alloc(16 * 1024 * 1024, 0);
    huge.set([0xff, 0xd8, 0xff]);
    expect(await uploadImage(people.andrew, { bytes: huge, filename: 'big.jpg' })).toMatchObject({ ok: false, status: 413 });
    const truncated = (await jpegWithGps(400, 300)).subarray(0, 200);
    expect(await uploadImage(people.andrew, { bytes: truncated, filename: 'broken.jpg' })).toMatchObject({ ok: false, status: 422, fieldErrors: { file: expect.stringMatching(/could not be read/) } });
    expect(await uploadImage(people.andrew, { bytes: await jpegWithGps(400, 300), filename: 'x.jpg' }, { alt: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { alt: expect.any(String) },
    });
  });
});
