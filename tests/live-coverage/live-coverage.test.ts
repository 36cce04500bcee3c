import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { platformDb as db } from '../../lib/db.ts';
import { schoolAuditLog } from '../../lib/audit/index.ts';
import { decideLiveUpdate, liveCoverageForNewsroom, postLiveUpdate, setLiveCoverage, setLiveDesk } from '../../lib/live-coverage/index.ts';
import { uploadImage } from '../../lib/media/index.ts';
import { LIVE_READER_PAGE_POLICY, READER_PAGE_POLICY, withoutScripts } from '../../lib/page-cache/index.ts';
import { getSchoolBySlug } from '../../lib/tenants/index.ts';
import { articleHistory } from '../../lib/workflow/history.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { publishedStory, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.resolve('.data/test-uploads');
  await seedDemo();
  people = await seededActors();
});

const run = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

async function liveStory(headline: string) {
  const article = await publishedStory(people.andrew, people.adviser, `${headline} ${run()}`, 'Live from the gym.', ['The game starts at seven.']);
  expect(await setLiveCoverage(people.editor, article.id, true)).toMatchObject({ ok: true, data: { live: true } });
  return article;
}

async function readerView(slug: string) {
  const school = (await getSchoolBySlug('canyon-crest'))!;
  return (await getPublishedArticle(school, slug))!;
}

async function contentVersion() {
  return (await db.school.findUniqueOrThrow({ where: { slug: 'canyon-crest' }, select: { contentVersion: true } })).contentVersion;
}

async function post(actor: Actor, articleId: string, text: string, photo: unknown = null) {
  return postLiveUpdate(actor, articleId, { text, photo });
}

describe('live coverage', () => {
  it('puts updates from the live desk and from publishers out at once, newest first, and holds everyone else’s for review', async () => {
    await setLiveDesk(people.adviser, people.andrew.membershipId, true);
    await setLiveDesk(people.adviser, people.jordan.membershipId, false);
    const story = await liveStory('Ravens vs. Falcons');

    const before = await contentVersion();
    const first = await post(people.andrew, story.id, 'Kickoff: the Ravens receive.');
    expect(first).toMatchObject({ ok: true, data: { published: true } });
    // Readers' pages are retired in the same transaction: the school's content version moved on.
    expect(await contentVersion()).toBeGreaterThan(before);

    const held = await post(people.jordan, story.id, 'Touchdown, Ravens!\n\nThe crowd is on its feet.');
    expect(held).toMatchObject({ ok: true, data: { published: false } });
    // Those who may publish it are told: Andrew (on the desk) and the adviser; not the student editor.
    const told = await db.notification.findMany({ where: { articleId: story.id, kind: 'live-update' }, select: { recipientId: true, message: true } });
    expect(told.map((notice) => notice.recipientId).sort()).toEqual([people.andrew.membershipId, people.adviser.membershipId].sort());
    // In one line: it is a mail's subject too.
    expect(told[0]!.message).toBe('Jordan Reyes sent a live update for review: “Touchdown, Ravens! The crowd is on its feet.”');
    const fromAdviser = await post(people.adviser, story.id, 'Halftime: 7–3.');
    expect(fromAdviser).toMatchObject({ ok: true, data: { published: true } });

    let seen = await readerView(story.slug);
    expect(seen.liveUpdates.map((update) => update.bodyText)).toEqual(['Halftime: 7–3.', 'Kickoff: the Ravens receive.']);
    expect(seen.liveUpdates.map((update) => update.author)).toEqual(['Elena Park', 'Andrew Choi']);

    // A reporter cannot publish someone's held update; the desk can, and it takes its place by time.
    if (!held.ok) throw new Error(held.error);
    expect(await decideLiveUpdate(people.jordan, held.data.id, 'publish')).toMatchObject({ ok: false, status: 403 });
    expect(await decideLiveUpdate(people.andrew, held.data.id, 'publish')).toMatchObject({ ok: true, data: { status: 'PUBLISHED' } });
    seen = await readerView(story.slug);
    expect(seen.liveUpdates.map((update) => update.bodyText)).toEqual(['Halftime: 7–3.', 'Touchdown, Ravens!\n\nThe crowd is on its feet.', 'Kickoff: the Ravens receive.']);
    // Two paragraphs, as typed.
    expect(seen.liveUpdates[1]!.body.content?.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);

    // Withdrawn: gone for readers, kept in the newsroom's record.
    if (!first.ok) throw new Error(first.error);
    expect(await decideLiveUpdate(people.adviser, first.data.id, 'withdraw')).toMatchObject({ ok: true, data: { status: 'WITHDRAWN' } });
    expect((await readerView(story.slug)).liveUpdates).toHaveLength(2);
    expect(await decideLiveUpdate(people.adviser, first.data.id, 'publish')).toMatchObject({ ok: false, status: 409 });
    const newsroom = await liveCoverageForNewsroom(people.jordan, story.id);
    expect(newsroom.ok && newsroom.data.updates.map((update) => update.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'WITHDRAWN']);
    expect(newsroom.ok && newsroom.data.publishes).toBe(false);

    // Every step is in the story's history, in the newsroom's words.
    const history = await articleHistory(people.adviser, story.id);
    expect(history.slice(-6).map((event) => `${event.who}: ${event.what}`)).toEqual([
      'Maya Patel: started live coverage',
      'Andrew Choi: posted a live update',
      'Jordan Reyes: sent a live update for review',
      'Elena Park: posted a live update',
      'Andrew Choi: published a live update',
      'Elena Park: withdrew a live update',
    ]);
    expect(history.at(-5)!.comment).toBe('Posted without review: Kickoff: the Ravens receive.');
  });

  it('is opened and closed by editors only, and takes updates only while open', async () => {
    const story = await publishedStory(people.andrew, people.adviser, `Board meeting ${run()}`, 'Budget night.', ['The board meets at six.']);
    expect(await post(people.adviser, story.id, 'The meeting opens.')).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/not open for live updates/) });
    expect(await setLiveCoverage(people.andrew, story.id, true)).toMatchObject({ ok: false, status: 403 });
    expect(await setLiveCoverage(people.editor, story.id, true)).toMatchObject({ ok: true });
    expect((await readerView(story.slug)).liveStartedAt).not.toBeNull();
    expect(await setLiveCoverage(people.editor, story.id, false)).toMatchObject({ ok: true, data: { live: false } });
    expect(await post(people.adviser, story.id, 'Adjourned.')).toMatchObject({ ok: false, status: 409, error: expect.stringMatching(/has ended/) });
  });

  it('refuses bad updates with a message for the field, and keeps schools apart', async () => {
    await setLiveDesk(people.adviser, people.andrew.membershipId, true);
    const story = await liveStory('Election night');
    expect(await post(people.andrew, story.id, '   ')).toMatchObject({ ok: false, status: 422, fieldErrors: { text: 'Write the update.' } });
    expect(await post(people.andrew, story.id, 'x'.repeat(2001))).toMatchObject({ ok: false, status: 422, fieldErrors: { text: expect.stringMatching(/at most 2,000/) } });

    const photo = await uploadImage(people.andrew, { bytes: await jpegWithGps(800, 600), filename: 'count.jpg' });
    if (!photo.ok) throw new Error(photo.error);
    const details = { mediaId: photo.data.id, alt: '', caption: 'Counting ballots.', credit: 'Andrew Choi' };
    expect(await post(people.andrew, story.id, 'The count begins.', details)).toMatchObject({ ok: false, status: 422, fieldErrors: { 'photo.alt': expect.stringMatching(/Describe the photo/) } });
    expect(await post(people.andrew, story.id, 'The count begins.', { ...details, alt: 'Two students count paper ballots.' })).toMatchObject({ ok: true, data: { published: true } });
    // Markup typed into an update is text.
    expect(await post(people.andrew, story.id, '<img src=x onerror=alert(1)> <script>alert(2)</script>')).toMatchObject({ ok: true });
    const [typed, update] = (await readerView(story.slug)).liveUpdates;
    expect(renderArticleHtml(typed!.body)).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;</p>');
    expect(update!.body.content?.[1]).toMatchObject({ type: 'figure', attrs: { mediaId: photo.data.id, alt: 'Two students count paper ballots.', src: photo.data.src, width: expect.any(Number) } });

    // Another school: its adviser finds neither the story nor the update, and its photos are not ours.
    const other = people.lincolnAdviser;
    expect(await post(other, story.id, 'Hello from Lincoln.')).toMatchObject({ ok: false, status: 404 });
    expect(await setLiveCoverage(other, story.id, false)).toMatchObject({ ok: false, status: 404 });
    const updateId = (await db.liveUpdate.findFirstOrThrow({ where: { articleId: story.id } })).id;
    expect(await decideLiveUpdate(other, updateId, 'withdraw')).toMatchObject({ ok: false, status: 404 });
    expect(await liveCoverageForNewsroom(other, story.id)).toMatchObject({ ok: false, status: 404 });
    const lincolnPhoto = await uploadImage(other, { bytes: await jpegWithGps(400, 300), filename: 'l.jpg' });
    if (!lincolnPhoto.ok) throw new Error(lincolnPhoto.error);
    expect(await post(people.andrew, story.id, 'A borrowed photo.', { ...details, mediaId: lincolnPhoto.data.id, alt: 'x' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { photo: expect.any(String) },
    });
    expect(await setLiveDesk(other, people.jordan.membershipId, true)).toMatchObject({ ok: false, status: 404 });
  });

  it('keeps the live desk the adviser’s decision, in the school’s audit log', async () => {
    expect(await setLiveDesk(people.editor, people.jordan.membershipId, true)).toMatchObject({ ok: false, status: 403 });
    await setLiveDesk(people.adviser, people.jordan.membershipId, false);
    expect(await setLiveDesk(people.adviser, people.jordan.membershipId, true)).toMatchObject({ ok: true, data: { liveDesk: true } });
    expect(await setLiveDesk(people.adviser, people.jordan.membershipId, false)).toMatchObject({ ok: true, data: { liveDesk: false } });
    const record = await schoolAuditLog(people.adviser);
    if (!record.ok) throw new Error(record.error);
    expect(record.data.slice(0, 2).map((event) => `${event.by}: ${event.detail}`)).toEqual([
      'Elena Park: Jordan Reyes’s live updates wait for review again.',
      'Elena Park: Jordan Reyes may post live updates without review.',
    ]);
    expect(await schoolAuditLog(people.editor)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('a live story’s page as the production server keeps it', () => {
  it('keeps the live updater, without its nonce, and sends the policy that lets it run', () => {
    const html = '<p>x</p><script src="/_next/static/chunks/main.js" async=""></script><script src="/live-updates.js" nonce="abc" defer=""></script>';
    expect(withoutScripts(html)).toBe('<p>x</p><script src="/live-updates.js" defer=""></script>');
    expect(LIVE_READER_PAGE_POLICY).toContain("script-src 'self'");
    expect(LIVE_READER_PAGE_POLICY).toContain("connect-src 'self'");
    expect(READER_PAGE_POLICY).toContain("script-src 'none'");
    // Someone's text that names the script is text, not an element.
    expect(withoutScripts('<p>&lt;script src="/live-updates.js"&gt;</p><script>alert(1)</script>')).toBe('<p>&lt;script src="/live-updates.js"&gt;</p>');
  });
});
