import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDraft, restoreRevision, saveDraft } from '../../lib/articles/index.ts';
import { contentHash } from '../../lib/articles/content-hash.ts';
import { buildFeed } from '../../lib/articles/feeds.ts';
import { addToEdition, createEdition, publishEdition } from '../../lib/editions/editions.ts';
import { getPublishedEdition } from '../../lib/editions/public.ts';
import { getPublishedArticle, listPublishedArticles } from '../../lib/articles/public.ts';
import type { Actor } from '../../lib/auth/actor.ts';
import { canonicalJson } from '../../lib/content/canonical-json.ts';
import { platformDb as db, transactionFor } from '../../lib/db.ts';
import { readMediaFile, uploadImage } from '../../lib/media/index.ts';
import { anonymizeStories } from '../../lib/removals/anonymize.ts';
import { transition } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { docOf, schoolBySlug, seededActors, wordsOf } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;
let photo: { id: string; src: string };
let otherPhoto: { id: string };
let lincolnPhoto: { id: string };

async function upload(actor: Actor, width: number, height: number, color: string) {
  const uploaded = await uploadImage(actor, { bytes: await jpegWithGps(width, height, color), filename: 'photo.jpg' });
  if (!uploaded.ok) throw new Error(uploaded.error);
  return uploaded.data;
}

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
  photo = await upload(people.andrew, 1600, 1000, '#335577');
  otherPhoto = await upload(people.andrew, 800, 600, '#775533');
  lincolnPhoto = await upload(people.lincolnAdviser, 800, 600, '#557733');
});

const details = { alt: 'Two players reach for the ball at the net', caption: 'The Ravens took the final set 25–21.', credit: 'Andrew Choi / The Raven Report' };

function fields(headline: string, extra: Record<string, unknown> = {}) {
  return {
    headline,
    deck: 'A deck.',
    sectionId: null,
    tags: [],
    body: docOf(wordsOf(200)),
    bylines: [{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' }],
    ...extra,
  };
}

async function draftWithImage(headline: string, image: Record<string, unknown> = { mediaId: photo.id, ...details }) {
  const created = await createDraft(people.andrew, { headline });
  if (!created.ok) throw new Error(created.error);
  const saved = await saveDraft(people.andrew, created.data.id, { ...fields(headline, { featuredImage: image }), expectedVersion: created.data.version, checkpoint: true });
  if (!saved.ok) throw new Error(`${saved.error} ${JSON.stringify(saved.fieldErrors)}`);
  return { id: created.data.id, version: saved.data.version };
}

async function act(actor: Actor, id: string, action: string, extra: Record<string, unknown> = {}) {
  const { version } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  return transition(actor, id, { action, expectedVersion: version, ...extra });
}

/** The story through the workflow: the reporter submits it, the adviser approves and publishes it. */
async function submitApprovePublish(id: string) {
  for (const [actor, action] of [
    [people.andrew, 'submit'],
    [people.adviser, 'approve'],
    [people.adviser, 'publish'],
  ] as const) {
    const moved = await act(actor, id, action);
    if (!moved.ok) throw new Error(`${action}: ${moved.error}`);
  }
}

describe('a featured image', () => {
  it('is saved with the story: its address and size come from the upload, never from the client', async () => {
    const { id } = await draftWithImage('Ravens Win the Volleyball Final', { mediaId: photo.id, ...details, focalX: 0.3, focalY: 0.6, src: 'https://tracker.example/pixel.gif', width: 1 });
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { number: 'desc' }, take: 1 } } });
    const expected = { mediaId: photo.id, ...details, focalX: 0.3, focalY: 0.6, src: `/canyon-crest/media/${photo.id}-full.jpg`, width: 1600, height: 1000 };
    expect(article.featuredImage).toEqual(expected);
    expect(article.revisions[0]!.featuredImage).toEqual(expected);
  });

  it('left out of a save it stays; null removes it; a change is a new revision that restoring brings back', async () => {
    const { id, version } = await draftWithImage('Robotics Team Heads to State');
    const kept = await saveDraft(people.andrew, id, { ...fields('Robotics Team Heads to State', { body: docOf(wordsOf(210)) }), expectedVersion: version, checkpoint: true });
    if (!kept.ok) throw new Error(kept.error);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).featuredImage).toMatchObject({ mediaId: photo.id });

    const removed = await saveDraft(people.andrew, id, {
      ...fields('Robotics Team Heads to State', { body: docOf(wordsOf(210)), featuredImage: null }),
      expectedVersion: kept.data.version,
      checkpoint: true,
    });
    if (!removed.ok) throw new Error(removed.error);
    expect(removed.data.changed).toBe(true);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).featuredImage).toBeNull();

    const restored = await restoreRevision(people.andrew, id, kept.data.revisionNumber, removed.data.version);
    if (!restored.ok) throw new Error(restored.error);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).featuredImage).toMatchObject({ mediaId: photo.id, ...details });
  });

  it('must be a photo of this school, with its focal point inside it; a refusal says so and changes nothing', async () => {
    const { id, version } = await draftWithImage('Lunch Lines Get Shorter');
    const refusals = [
      [{ mediaId: lincolnPhoto.id, ...details }, 'Choose an image uploaded to this newspaper.'],
      [{ mediaId: 'no-such-photo', ...details }, 'Choose an image uploaded to this newspaper.'],
      [{ mediaId: photo.id, ...details, focalX: 1.5 }, 'The focal point must lie inside the image.'],
      [{ mediaId: photo.id, ...details, alt: 'x'.repeat(501) }, 'Alt text can be at most 500 characters.'],
    ] as const;
    for (const [featuredImage, message] of refusals) {
      const refused = await saveDraft(people.andrew, id, { ...fields('Lunch Lines Get Shorter', { featuredImage }), expectedVersion: version });
      expect(refused).toMatchObject({ ok: false, status: 422 });
      expect(Object.values((refused as { fieldErrors: Record<string, string> }).fieldErrors)).toContain(message);
    }
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article.version).toBe(version);
    expect(article.featuredImage).toMatchObject({ mediaId: photo.id });
  });

  it('a story without one hashes as before, so approvals given before featured images existed still hold', () => {
    const content = { headline: 'Old Story', deck: '', body: docOf('Text.'), sectionId: null, tags: ['news'] };
    const before = createHash('sha256').update(canonicalJson(content)).digest('hex');
    expect(contentHash(content)).toBe(before);
    expect(contentHash({ ...content, featuredImage: null })).toBe(before);
    const withImage = { ...content, featuredImage: { mediaId: photo.id, ...details, focalX: 0.5, focalY: 0.5, src: photo.src, width: 1600, height: 1000 } };
    expect(contentHash(withImage)).not.toBe(before);
    // The focal point is part of what was approved; the file's address and size follow from the photo.
    expect(contentHash({ ...withImage, featuredImage: { ...withImage.featuredImage, focalX: 0.2 } })).not.toBe(contentHash(withImage));
    expect(contentHash({ ...withImage, featuredImage: { ...withImage.featuredImage, src: '/elsewhere/media/x-full.jpg' } })).toBe(contentHash(withImage));
  });

  it('the checklist asks for its alt text, caption and credit before the story goes to review', async () => {
    const { id } = await draftWithImage('Band Plays at Halftime', { mediaId: photo.id, alt: 'The band on the field', caption: '', credit: ' ' });
    const refused = await act(people.andrew, id, 'submit');
    expect(refused).toMatchObject({ ok: false, status: 422, fieldErrors: { featuredImage: 'The featured image needs a caption, a credit.' } });
  });

  it('readers see the published revision’s photo in lists, on the page and in both feeds; an edit waits for approval', async () => {
    const headline = 'Ravens Clinch the League Title';
    const { id } = await draftWithImage(headline, { mediaId: photo.id, ...details, focalX: 0.25, focalY: 0.75 });
    await submitApprovePublish(id);
    // A pending edit changes the photo: readers keep seeing the published one.
    const { version, slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true, slug: true } });
    const edited = await saveDraft(people.andrew, id, { ...fields(headline, { featuredImage: { mediaId: otherPhoto.id, ...details } }), expectedVersion: version });
    if (!edited.ok) throw new Error(edited.error);

    const school = await schoolBySlug('canyon-crest');
    const published = { mediaId: photo.id, src: `/canyon-crest/media/${photo.id}-full.jpg`, width: 1600, height: 1000, focalX: 0.25, focalY: 0.75, ...details };
    expect((await listPublishedArticles(school, { take: 50 })).find((article) => article.id === id)?.image).toEqual(published);
    expect((await getPublishedArticle(school, slug))?.image).toEqual(published);

    const rss = (await buildFeed(school, { kind: 'school' }, 'rss'))!;
    const item = rss.slice(rss.indexOf(`<title>${headline}</title>`), rss.indexOf('</item>', rss.indexOf(`<title>${headline}</title>`)));
    expect(item).toMatch(new RegExp(`<media:content url="[^"]+/media/${photo.id}-full\\.jpg" type="image/jpeg" medium="image" width="1600" height="1000">`));
    expect(item).toContain(`<media:description type="plain">${details.alt}</media:description><media:credit>${details.credit}</media:credit>`);
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    const atom = (await buildFeed(school, { kind: 'school' }, 'atom'))!;
    expect(atom).toMatch(new RegExp(`<link rel="enclosure" type="image/jpeg" href="[^"]+/media/${photo.id}-full\\.jpg"/>`));

    // An issue of the paper that carries the story lists it with its photo.
    const edition = await createEdition(people.editor, { volume: 7, number: 3, issueDate: '2026-11-27' });
    if (!edition.ok) throw new Error(edition.error);
    const added = await addToEdition(people.editor, edition.data.id, id, 1);
    if (!added.ok) throw new Error(added.error);
    const out = await publishEdition(people.adviser, edition.data.id, added.data.version);
    if (!out.ok) throw new Error(out.error);
    const issue = await getPublishedEdition(await schoolBySlug('canyon-crest'), 7, 3);
    expect(issue?.sections.flatMap((section) => section.articles).find((article) => article.id === id)?.image).toEqual(published);
  });
});

describe('a removal', () => {
  it('replaces the name in the featured image’s alt text, caption and credit, on the live story and the working copy', async () => {
    const headline = 'Setter Leads the Comeback';
    const { id } = await draftWithImage(headline, {
      mediaId: photo.id,
      alt: 'Dana Whitfield sets the ball',
      caption: 'Dana Whitfield, a junior, set 41 assists.',
      credit: 'Photo by Dana Whitfield’s teammate',
    });
    await submitApprovePublish(id);
    const changed = await transactionFor(people.adviser.schoolId, (tx) => anonymizeStories(tx, people.adviser, ['Dana Whitfield'], 'a student'));
    expect(changed.find((story) => story.articleId === id)?.fields).toContain('featured image');
    const expected = { alt: 'a student sets the ball', caption: 'a student, a junior, set 41 assists.', credit: 'Photo by a student’s teammate' };
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { publishedRevision: true } });
    expect(article.featuredImage).toMatchObject(expected);
    expect(article.publishedRevision!.featuredImage).toMatchObject(expected);
    expect((await getPublishedArticle(await schoolBySlug('canyon-crest'), article.slug))?.image).toMatchObject(expected);
  });
});

describe('modern formats of an upload', () => {
  it('AVIF and WebP renditions are made from the full picture when first asked for, only at the listed widths, and kept', async () => {
    const school = people.andrew.schoolId;
    const avif = await readMediaFile(school, `${photo.id}-480.avif`);
    expect(avif?.contentType).toBe('image/avif');
    const avifInfo = await sharp(avif!.bytes).metadata();
    expect([avifInfo.format, avifInfo.width]).toEqual(['heif', 480]);
    const webp = await readMediaFile(school, `${photo.id}-full.webp`);
    expect(webp?.contentType).toBe('image/webp');
    expect((await sharp(webp!.bytes).metadata()).width).toBe(1600);
    // Kept: the second answer is the stored file, byte for byte.
    expect((await readMediaFile(school, `${photo.id}-480.avif`))!.bytes.equals(avif!.bytes)).toBe(true);
    // Nothing at an unlisted width, at the picture's own width or wider, in another format, or for another school.
    for (const name of [`${photo.id}-500.avif`, `${photo.id}-1600.webp`, `${photo.id}-full.gif`, `${photo.id}-full.jpg.avif`]) expect(await readMediaFile(school, name), name).toBeNull();
    expect(await readMediaFile(people.lincolnAdviser.schoolId, `${photo.id}-480.avif`)).toBeNull();
  });
});
