import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { contrastWithWhite, schoolLogoSrc, setSchoolLogo, updateBranding } from '../../lib/tenants/branding.ts';
import { trustKeptRows } from '../../lib/serving/kept-while-listening.ts';
import { cachedSchool } from '../../lib/tenants/school-cache.ts';
import { findSchoolBySlug } from '../../lib/tenants/schools.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { schoolBySlug, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-branding');
  await seedDemo();
  people = await seededActors();
});

describe('branding', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#767676')).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
  });

  it('the adviser changes name, tagline and accent; readers see it at once; a colour unreadable on white is refused', async () => {
    const before = await schoolBySlug('canyon-crest');
    expect(await updateBranding(people.editor, { newspaperName: 'X', tagline: '', accentColor: '#000000' })).toMatchObject({ ok: false, status: 403 });
    expect(await updateBranding(people.adviser, { newspaperName: 'The Raven Report', tagline: '', accentColor: '#ffcc00' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { accentColor: expect.stringMatching(/too light/) },
    });
    expect(await updateBranding(people.adviser, { newspaperName: 'The Raven Report', tagline: 'Since 2004', accentColor: '#1D4E89' })).toMatchObject({ ok: true });
    const after = await schoolBySlug('canyon-crest');
    expect(after).toMatchObject({ accentColor: '#1d4e89', tagline: 'Since 2004' });
    expect(after.contentVersion).toBeGreaterThan(before.contentVersion);
    expect((await schoolBySlug('lincoln-high')).tagline).not.toBe('Since 2004');
  });

  it('an uploaded logo becomes the masthead image of that school only', async () => {
    const uploaded = await setSchoolLogo(people.adviser, { bytes: await jpegWithGps(900, 300), filename: 'logo.jpg' });
    if (!uploaded.ok) throw new Error(uploaded.error);
    const school = await schoolBySlug('canyon-crest');
    expect(await schoolLogoSrc(school)).toMatch(new RegExp(`^/canyon-crest/media/${school.logoMediaId}-480\\.jpg$`));
    expect(await schoolLogoSrc(await schoolBySlug('lincoln-high'))).toBeNull();
    expect(await setSchoolLogo(people.andrew, { bytes: await jpegWithGps(900, 300), filename: 'logo.jpg' })).toMatchObject({ ok: false, status: 403 });
    expect(await db.media.count({ where: { schoolId: school.id } })).toBe(1);
  });
});

describe('the process’s copy of a school', () => {
  it('is retired when a change to the school commits here, before any NOTIFY could arrive', async () => {
    // Kept copies trusted, as while the production server listens, but no listener: only the
    // writer's own retirement can make the next lookup see the new logo.
    trustKeptRows(true);
    try {
      const before = await cachedSchool('canyon-crest', () => findSchoolBySlug('canyon-crest'));
      expect(await cachedSchool('canyon-crest', () => Promise.resolve(null))).toBe(before);
      const logo = await setSchoolLogo(people.adviser, { bytes: await jpegWithGps(900, 300, '#123456'), filename: 'logo.jpg' });
      if (!logo.ok) throw new Error(logo.error);
      const after = await cachedSchool('canyon-crest', () => findSchoolBySlug('canyon-crest'));
      expect(after?.logoMediaId).toBe(logo.data.src.split('/').pop()!.split('-')[0]);
      expect(after?.contentVersion).toBeGreaterThan(before!.contentVersion);
    } finally {
      trustKeptRows(false);
    }
  });
});
