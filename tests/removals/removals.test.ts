// Requests from the public to correct, anonymize or remove a story: the confirmed-by-mail public
// side, the newsroom's decision, and — for an anonymization — that the name is gone from every
// reader-visible output (page data, lists, search and snippets, feeds, sitemap) while the record
// of the decision and the older revisions keep what was changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../lib/articles/feeds.ts';
import { getPublishedArticle, listPublishedArticles, listSitemapArticles, unpublishedArticle } from '../../lib/articles/public.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import type { ArticleDoc } from '../../lib/content/document.ts';
import { platformDb as db } from '../../lib/db.ts';
import { replaceName, replaceNameInDoc } from '../../lib/removals/anonymize.ts';
import { addRemovalNote, decideRemovalRequest, getRemovalRequest, listRemovalRequests } from '../../lib/removals/cases.ts';
import { confirmRemovalRequest, submitRemovalRequest } from '../../lib/removals/requests.ts';
import { searchArticles } from '../../lib/search/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { publishedStory, schoolBySlug, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;
const canyon = () => schoolBySlug('canyon-crest');

const confirmLink = async (email: string) => {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: { startsWith: 'Confirm your request' } }, orderBy: { createdAt: 'desc' } });
  return /token=([\w-]+)/.exec(mail.text)![1]!;
};

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

describe('replacing a name', () => {
  it('replaces whole words in any case and spacing, never inside another word', () => {
    const forms = ['Jordan Mills', 'Mills'];
    expect(replaceName('Jordan  Mills said MILLS’s bike was not Millsap’s; jordan mills agreed.', forms, 'a junior')).toBe('a junior said a junior’s bike was not Millsap’s; a junior agreed.');
    const doc = { type: 'doc', content: [{ type: 'figure', attrs: { src: '/x/media/a-full.jpg', alt: 'Mills at practice', caption: 'Jordan Mills, center', credit: 'Photo: Mills family' } }] };
    expect(replaceNameInDoc(doc, forms, 'a junior').content[0]!.attrs).toMatchObject({ alt: 'a junior at practice', caption: 'a junior, center', credit: 'Photo: a junior family' });
  });
});

describe('a request from the public', () => {
  it('reaches the newsroom only once confirmed from the mailed link, and one address may send only a few a day', async () => {
    const school = await canyon();
    const story = await publishedStory(people.andrew, people.adviser, 'Debate Club Takes Region', 'A deck.', ['The debate club won the region.']);
    expect(
      await submitRemovalRequest(school, { story: 'no-such-story', kind: 'CORRECTION', name: 'Pat Lee', email: 'pat@example.com', message: 'The score in the second paragraph is wrong.' }),
    ).toMatchObject({
      ok: false,
      status: 422,
    });
    const sent = await submitRemovalRequest(school, {
      story: `https://paper.example/canyon-crest/articles/${story.slug}`,
      kind: 'CORRECTION',
      name: 'Pat Lee',
      email: 'Pat@Example.com',
      message: 'The score in the second paragraph is wrong.',
    });
    expect(sent).toMatchObject({ ok: true, data: { email: 'pat@example.com' } });
    const listed = await listRemovalRequests(people.editor);
    expect(listed.ok && listed.data.map((request) => request.requesterName)).not.toContain('Pat Lee');

    const token = await confirmLink('pat@example.com');
    const confirmed = await confirmRemovalRequest(school, token);
    expect(confirmed.ok).toBe(true);
    expect(await confirmRemovalRequest(school, token)).toMatchObject({ ok: false, status: 404 });
    const open = await listRemovalRequests(people.editor);
    const request = open.ok ? open.data.find((entry) => entry.requesterName === 'Pat Lee') : undefined;
    expect(request).toMatchObject({ status: 'OPEN', kind: 'CORRECTION' });
    expect(request!.deadline!.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3_600_000);
    // The editors and the adviser are told.
    expect(await db.notification.count({ where: { schoolId: school.id, kind: 'removal-request', recipientId: people.adviser.membershipId } })).toBeGreaterThan(0);
    // Reporters do not handle requests; another school does not see them.
    expect(await listRemovalRequests(people.andrew)).toMatchObject({ ok: false, status: 403 });
    expect(await getRemovalRequest(people.lincolnAdviser, request!.id)).toMatchObject({ ok: false, status: 404 });

    for (let sentToday = 1; sentToday < 3; sentToday++)
      expect((await submitRemovalRequest(school, { story: story.slug, kind: 'REMOVAL', name: 'Pat Lee', email: 'pat@example.com', message: 'Please take this story down now.' })).ok).toBe(true);
    expect(await submitRemovalRequest(school, { story: story.slug, kind: 'REMOVAL', name: 'Pat Lee', email: 'pat@example.com', message: 'Please take this story down now.' })).toMatchObject({
      ok: false,
      status: 429,
    });
  });
});

describe('an anonymization', () => {
  it('takes the name out of everything readers and search engines see, and the record keeps what changed', async () => {
    const school = await canyon();
    const named = await publishedStory(
      people.andrew,
      people.adviser,
      'Jordan Mills Suspended After Lab Fire',
      'Mills, a junior, was sent home on Friday.',
      ['Principal Ortiz said Jordan Mills started the fire by accident.', 'Mills declined to comment.'],
      'Jordan Mills',
    );
    const other = await publishedStory(people.andrew, people.adviser, 'Science Fair Goes On', 'Despite the fire.', ['The fair went on a week after Mills’s lab accident.']);
    expect(named.slug).toBe('jordan-mills-suspended-after-lab-fire');
    expect((await searchArticles(school, { q: 'Mills' })).hits.length).toBe(2);

    expect(
      await submitRemovalRequest(school, {
        story: named.slug,
        kind: 'ANONYMIZE',
        name: 'Jordan Mills',
        email: 'jordan@example.com',
        message: 'I was fifteen. This story follows me to every job application.',
      }),
    ).toMatchObject({ ok: true });
    expect((await confirmRemovalRequest(school, await confirmLink('jordan@example.com'))).ok).toBe(true);
    const request = await db.removalRequest.findFirstOrThrow({ where: { requesterEmail: 'jordan@example.com' } });
    expect((await addRemovalNote(people.editor, request.id, { body: 'Minor at the time; the news value is the fire, not the name.' })).ok).toBe(true);
    const decision = { outcome: 'ANONYMIZED', names: 'Jordan Mills, Mills', replacement: 'a junior', publicReason: 'You were a minor; the story now describes you without your name.' };
    expect(await decideRemovalRequest(people.andrew, request.id, decision)).toMatchObject({ ok: false, status: 403 });
    expect(await decideRemovalRequest(people.editor, request.id, decision)).toMatchObject({ ok: true, data: { outcome: 'ANONYMIZED', changed: 2 } });
    expect(await decideRemovalRequest(people.adviser, request.id, decision)).toMatchObject({ ok: false, status: 409 });

    const fresh = await canyon();
    const page = await getPublishedArticle(fresh, 'a-junior-suspended-after-lab-fire');
    expect(page).not.toBeNull();
    const readerText = JSON.stringify([page!.revision.headline, page!.revision.deck, renderArticleHtml(page!.revision.body as ArticleDoc), page!.bylines, page!.slug]);
    expect(readerText).not.toMatch(/mills/i);
    expect(readerText).toContain('a junior');
    expect(await getPublishedArticle(fresh, named.slug)).toBeNull();
    const otherPage = await getPublishedArticle(fresh, other.slug);
    expect(renderArticleHtml(otherPage!.revision.body as ArticleDoc)).toContain('a week after a junior’s lab accident');
    // Lists, search and its snippets, feeds and the sitemap.
    expect(JSON.stringify(await listPublishedArticles(fresh, { take: 50 }))).not.toMatch(/mills/i);
    expect((await searchArticles(fresh, { q: 'Mills' })).hits).toEqual([]);
    const found = await searchArticles(fresh, { q: 'fire junior' });
    expect(found.hits.map((hit) => hit.id)).toContain(named.id);
    expect(JSON.stringify(found.hits)).not.toMatch(/mills/i);
    for (const format of ['rss', 'atom'] as const) expect(await buildFeed(fresh, { kind: 'school' }, format)).not.toMatch(/mills/i);
    expect(JSON.stringify(await listSitemapArticles(fresh))).not.toMatch(/mills/i);

    // The record: the decision with what it changed, the audit log, the earlier revisions, the mail.
    const decided = await getRemovalRequest(people.adviser, request.id);
    if (!decided.ok) throw new Error(decided.error);
    expect(decided.data).toMatchObject({
      status: 'DECIDED',
      outcome: 'ANONYMIZED',
      decidedBy: expect.any(String),
      notes: [expect.objectContaining({ body: expect.stringContaining('Minor at the time') })],
    });
    const changes = decided.data.changes as { names: string[]; replacement: string; stories: { articleId: string; fields: string[]; oldSlug: string }[] };
    expect(changes.names).toEqual(['Jordan Mills', 'Mills']);
    expect(changes.stories.find((story) => story.articleId === named.id)).toMatchObject({ oldSlug: named.slug, fields: expect.arrayContaining(['headline', 'deck', 'body', 'bylines', 'slug']) });
    const revisions = await db.articleRevision.findMany({ where: { articleId: named.id }, orderBy: { number: 'asc' } });
    expect(revisions.at(-1)!.kind).toBe('ANONYMIZED');
    expect(revisions[0]!.headline).toContain('Jordan Mills');
    expect(await db.workflowEvent.count({ where: { articleId: named.id, action: 'anonymize' } })).toBe(1);
    const outcome = await db.outboxEmail.findFirstOrThrow({ where: { to: 'jordan@example.com', subject: { contains: 'your request about' } } });
    expect(outcome.text).toContain('You were a minor');
  });

  it('an unpublish on request leaves the editors’ words at the old address', async () => {
    const school = await canyon();
    const story = await publishedStory(people.andrew, people.adviser, 'Rumor Column Names Names', 'A deck.', ['Gossip.']);
    await submitRemovalRequest(school, { story: story.slug, kind: 'REMOVAL', name: 'Sam Roe', email: 'sam@example.com', message: 'This column spread a false rumor about me.' });
    await confirmRemovalRequest(school, await confirmLink('sam@example.com'));
    const request = await db.removalRequest.findFirstOrThrow({ where: { requesterEmail: 'sam@example.com' } });
    expect(await decideRemovalRequest(people.adviser, request.id, { outcome: 'UNPUBLISHED', notice: 'We removed this column: it repeated a rumor we could not confirm.' })).toMatchObject({ ok: true });
    expect(await unpublishedArticle('canyon-crest', story.slug)).toEqual({ notice: 'We removed this column: it repeated a rumor we could not confirm.' });
    expect(await getPublishedArticle(await canyon(), story.slug)).toBeNull();
  });
});
