import { beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../../lib/articles/index.ts';
import { getPublishedArticle, unpublishedArticle, listCorrections, listPublishedArticles } from '../../lib/articles/public.ts';
import { platformDb as db } from '../../lib/db.ts';
import { listInbox } from '../../lib/notifications/index.ts';
import { publishDueArticles, startPublishScheduler, transition } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { docOf, schoolBySlug, seededActors, wordsOf } from '../factories.ts';
import { articleInState } from './fixtures.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

async function current(id: string) {
  return db.article.findUniqueOrThrow({ where: { id }, include: { bylines: true } });
}

async function step(actor: typeof people.andrew, id: string, action: string, input: Record<string, unknown> = {}) {
  const result = await transition(actor, id, { action, expectedVersion: (await current(id)).version, ...input });
  if (!result.ok) throw new Error(`${action}: ${result.error}`);
  return result.data;
}

describe('the publish workflow', () => {
  it('of two simultaneous approvals exactly one succeeds, the other gets a conflict, and one event is written', async () => {
    const article = await articleInState(people.andrew, 'SUBMITTED');
    const second = { ...people.adviser, membershipId: people.adviser.membershipId };
    const results = await Promise.all([
      transition(people.adviser, article.id, { action: 'approve', expectedVersion: article.version }),
      transition(second, article.id, { action: 'approve', expectedVersion: article.version }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.status === 409)).toHaveLength(1);
    expect(await db.workflowEvent.count({ where: { articleId: article.id, action: 'approve' } })).toBe(1);
  });

  it('submit is refused with a message per field until the checklist passes', async () => {
    const article = await articleInState(people.andrew, 'DRAFT');
    const withImage = docOf('Too short.');
    withImage.content.push({ type: 'figure', attrs: { src: '/canyon-crest/media/abc-full.jpg', alt: '', caption: 'A caption', credit: '' } } as never);
    const saved = await saveDraft(people.andrew, article.id, { expectedVersion: article.version, headline: 'x'.repeat(130), deck: '', sectionId: null, tags: [], body: withImage, bylines: [] });
    if (!saved.ok) throw new Error(saved.error);
    const refused = await transition(people.andrew, article.id, { action: 'submit', expectedVersion: saved.data.version });
    expect(refused).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: {
        headline: 'The headline is 130 characters; this paper allows 110.',
        body: 'The story has 2 words; at least 150 are needed.',
        bylines: 'Add at least one byline.',
        'images.0': 'Image 1 needs alt text, a credit.',
      },
    });
    expect((await current(article.id)).status).toBe('DRAFT');
  });

  it('the full loop: submit, request changes, resubmit, approve, publish; readers see only the published revision', async () => {
    const article = await articleInState(people.andrew, 'DRAFT');
    await step(people.andrew, article.id, 'submit');
    expect((await listInbox(people.adviser)).some((notice) => notice.kind === 'submitted' && notice.articleId === article.id)).toBe(true);
    await step(people.adviser, article.id, 'requestChanges', { comment: 'Attribute the quote in the third paragraph.' });
    expect((await listInbox(people.andrew))[0]).toMatchObject({ kind: 'changes-requested', articleId: article.id });
    const revised = await current(article.id);
    const saved = await saveDraft(people.andrew, article.id, {
      expectedVersion: revised.version,
      headline: revised.headline,
      deck: '',
      sectionId: null,
      tags: [],
      body: docOf(wordsOf(200, ' Revised.')),
      bylines: revised.bylines,
    });
    expect(saved.ok).toBe(true);
    await step(people.andrew, article.id, 'submit');
    await step(people.adviser, article.id, 'approve');
    await step(people.adviser, article.id, 'publish');

    // Reader functions take the school as a request resolves it, with its current content version.
    const live = await current(article.id);
    const readable = await getPublishedArticle(await schoolBySlug('canyon-crest'), live.slug);
    expect(readable?.revision.body).toEqual(docOf(wordsOf(200, ' Revised.')));
    expect((await db.workflowEvent.findMany({ where: { articleId: article.id }, orderBy: { createdAt: 'asc' } })).map((event) => `${event.action}:${event.toStatus}`)).toEqual([
      'submit:SUBMITTED',
      'requestChanges:CHANGES_REQUESTED',
      'submit:SUBMITTED',
      'approve:APPROVED',
      'publish:PUBLISHED',
    ]);

    // An edit of the live article is pending: readers keep the published text until it is approved and published.
    const edit = await saveDraft(people.andrew, article.id, {
      expectedVersion: live.version,
      headline: live.headline,
      deck: '',
      sectionId: null,
      tags: [],
      body: docOf(wordsOf(200, ' Second edition.')),
      bylines: live.bylines,
    });
    expect(edit.ok).toBe(true);
    await step(people.andrew, article.id, 'submit');
    expect((await getPublishedArticle(await schoolBySlug('canyon-crest'), live.slug))?.revision.body).toEqual(docOf(wordsOf(200, ' Revised.')));
    await step(people.adviser, article.id, 'approve');
    // Any edit after the approval voids it.
    const afterApproval = await current(article.id);
    await saveDraft(people.andrew, article.id, {
      expectedVersion: afterApproval.version,
      headline: afterApproval.headline,
      deck: '',
      sectionId: null,
      tags: [],
      body: docOf(wordsOf(200, ' Sneaky change.')),
      bylines: afterApproval.bylines,
    });
    const voided = await current(article.id);
    expect(voided).toMatchObject({ status: 'SUBMITTED', approvedRevisionId: null, approvedContentHash: null });
    expect(await transition(people.adviser, article.id, { action: 'publish', expectedVersion: voided.version })).toMatchObject({ ok: false, status: 409 });
    expect(await db.workflowEvent.count({ where: { articleId: article.id, action: 'voidApproval' } })).toBe(1);
    await step(people.adviser, article.id, 'approve');
    await step(people.adviser, article.id, 'publish', { note: 'An earlier version gave the wrong date for the meeting.' });
    const corrected = await getPublishedArticle(await schoolBySlug('canyon-crest'), live.slug);
    expect(corrected?.revision.body).toEqual(docOf(wordsOf(200, ' Sneaky change.')));
    expect(corrected?.corrections.map((correction) => correction.note)).toEqual(['An earlier version gave the wrong date for the meeting.']);
    expect((await listCorrections(await schoolBySlug('canyon-crest'))).map((correction) => [correction.article.slug, correction.note])).toContainEqual([
      live.slug,
      'An earlier version gave the wrong date for the meeting.',
    ]);
    expect(await listCorrections(await schoolBySlug('lincoln-high'))).toEqual([]);
  });

  it('unpublishing takes the article off the site and leaves its address answering "gone"', async () => {
    const article = await articleInState(people.andrew, 'PUBLISHED');
    const { slug } = await current(article.id);
    expect(await getPublishedArticle(await schoolBySlug('canyon-crest'), slug)).not.toBeNull();
    expect(await transition(people.editor, article.id, { action: 'unpublish', expectedVersion: article.version, reason: 'x' })).toMatchObject({ ok: false, status: 403 });
    await step(people.adviser, article.id, 'unpublish', { reason: 'A source withdrew consent.' });
    expect(await getPublishedArticle(await schoolBySlug('canyon-crest'), slug)).toBeNull();
    expect((await listPublishedArticles(await schoolBySlug('canyon-crest'), { take: 100 })).map((summary) => summary.id)).not.toContain(article.id);
    expect(await unpublishedArticle('canyon-crest', slug)).toEqual({ notice: null });
    expect(await unpublishedArticle('lincoln-high', slug)).toBeNull();
  });

  it('a scheduled article whose time passed while no server ran is published when the scheduler starts', async () => {
    const article = await articleInState(people.andrew, 'SCHEDULED', { approverId: people.adviser.membershipId });
    // The server was down at the scheduled time.
    await db.article.update({ where: { id: article.id }, data: { scheduledFor: new Date(Date.now() - 5 * 60_000) } });
    const published = new Promise<string[]>((resolve) => {
      const scheduler = startPublishScheduler({ intervalMs: 60_000, onPublished: (ids) => (scheduler.stop(), resolve(ids)) });
    });
    expect(await published).toContain(article.id);
    const after = await current(article.id);
    expect(after).toMatchObject({ status: 'PUBLISHED', scheduledFor: null });
    expect(after.publishedRevisionId).toBe(after.approvedRevisionId);
    expect(await db.workflowEvent.findFirst({ where: { articleId: article.id, action: 'scheduledPublish' } })).toMatchObject({ actorId: null, toStatus: 'PUBLISHED' });
    // Run again (a second server, a second tick): nothing is published twice.
    expect(await publishDueArticles()).toEqual([]);
  });

  it('a review chain needs every step in order; withdrawing after a decision is refused', async () => {
    const school = await schoolBySlug('canyon-crest');
    const news = await db.section.findFirstOrThrow({ where: { schoolId: school.id, slug: 'news' } });
    await db.school.update({ where: { id: school.id }, data: { reviewChain: ['SECTION_EDITOR', 'ADVISER'] } });
    const sectionEditor = { ...people.editor, sectionId: news.id };
    try {
      const article = await articleInState(people.andrew, 'SUBMITTED', { sectionId: news.id });
      expect(await transition(people.adviser, article.id, { action: 'approve', expectedVersion: article.version })).toMatchObject({
        ok: false,
        status: 403,
        error: 'This article is waiting for approval by the section editor.',
      });
      expect(await step(sectionEditor, article.id, 'approve')).toMatchObject({ status: 'SUBMITTED' });
      expect(await transition(people.andrew, article.id, { action: 'withdraw', expectedVersion: (await current(article.id)).version })).toMatchObject({ ok: false, status: 409 });
      expect(await step(people.adviser, article.id, 'approve')).toMatchObject({ status: 'APPROVED' });
    } finally {
      await db.school.update({ where: { id: school.id }, data: { reviewChain: [] } });
    }
  });

  it('where student editors decide, an editor approves and publishes and the adviser is informed', async () => {
    const school = await schoolBySlug('canyon-crest');
    await db.school.update({ where: { id: school.id }, data: { reviewPolicy: 'STUDENT_EDITORS_DECIDE' } });
    try {
      const article = await articleInState(people.andrew, 'SUBMITTED');
      await step(people.editor, article.id, 'approve');
      await step(people.editor, article.id, 'publish');
      expect((await listInbox(people.adviser)).find((notice) => notice.articleId === article.id && notice.kind === 'published-by-students')?.message).toMatch(/^Maya Patel published/);
      expect(await db.outboxEmail.count({ where: { to: 'adviser@canyoncrest.example', subject: { contains: 'published' } } })).toBeGreaterThan(0);
    } finally {
      await db.school.update({ where: { id: school.id }, data: { reviewPolicy: 'ADVISER_APPROVAL' } });
    }
  });
});
