import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../lib/articles/feeds.ts';
import { countPublishedArticles, getPublishedArticle, listPublishedArticles, listSitemapArticles } from '../../lib/articles/public.ts';
import { Prisma, platformDb as db, transactionFor } from '../../lib/db.ts';
import { NEWSROOM_EDITIONS_PAGE } from '../../lib/editions/editions.ts';
import {
  addToEdition,
  createEdition,
  getLatestPublishedEdition,
  getPublishedEdition,
  listNewsroomEditions,
  listPublishedEditions,
  listPublishedVolumes,
  orderEdition,
  publishEdition,
} from '../../lib/editions/index.ts';
import { getReporter, getStaffBox } from '../../lib/people/public.ts';
import { searchArticles, snippetParts } from '../../lib/search/index.ts';
import { volumeLabel, volumesOf } from '../../lib/editions/label.ts';
import { transition } from '../../lib/workflow/index.ts';
import { saveDraft } from '../../lib/articles/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { adviserOfNewSchool, schoolBySlug, seededActors } from '../factories.ts';
import { articleInState } from '../workflow/fixtures.ts';

let people: Awaited<ReturnType<typeof seededActors>>;
const canyon = () => schoolBySlug('canyon-crest');
const lincoln = () => schoolBySlug('lincoln-high');

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

async function publish(id: string) {
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const result = await transition(people.adviser, id, { action: 'publish', expectedVersion: article.version });
  if (!result.ok) throw new Error(result.error);
}

describe('search', () => {
  it('finds published articles by their words, ranked, with highlighted snippets, within the school only', async () => {
    const { hits } = await searchArticles(await canyon(), { q: 'Pyongyang China' });
    expect(hits[0]).toMatchObject({ slug: 'north-korea-troops-russia-ukraine', section: 'World' });
    const parts = snippetParts(hits[0]!.snippet);
    expect(parts.filter((part) => part.highlighted).map((part) => part.text.toLowerCase())).toEqual(expect.arrayContaining(['pyongyang']));
    expect(parts.map((part) => part.text).join('')).not.toMatch(/[\u0002\u0003]/);
    // Lincoln's search never finds Canyon Crest's story; an unpublished draft is found by nobody.
    expect((await searchArticles(await lincoln(), { q: 'Pyongyang' })).hits).toEqual([]);
    expect((await searchArticles(await canyon(), { q: 'robotics drivetrain' })).hits).toEqual([]);
  });

  it('filters by section and issue, and unpublishing removes the article from results', async () => {
    const school = await canyon();
    const edition = await db.edition.findFirstOrThrow({ where: { schoolId: school.id, volume: 1, number: 1 } });
    expect((await searchArticles(school, { q: 'Beijing', section: 'world', issue: edition.id })).hits).toHaveLength(1);
    expect((await searchArticles(school, { q: 'Beijing', section: 'sports' })).hits).toHaveLength(0);
    const article = await articleInState(people.andrew, 'APPROVED', { approverId: people.adviser.membershipId });
    // Answers are kept until the school's next change readers can see; the page reads the school
    // (and its content version) on every request, as these do.
    expect((await searchArticles(await canyon(), { q: 'auditorium candidates' })).hits.map((hit) => hit.id)).not.toContain(article.id);
    await publish(article.id);
    expect((await searchArticles(await canyon(), { q: 'Auditorium  CANDIDATES' })).hits.map((hit) => hit.id)).toContain(article.id);
    const live = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(await transition(people.adviser, article.id, { action: 'unpublish', expectedVersion: live.version, reason: 'Test' })).toMatchObject({ ok: true });
    expect((await searchArticles(await canyon(), { q: 'auditorium candidates' })).hits.map((hit) => hit.id)).not.toContain(article.id);
    // Malformed queries are answered, not thrown.
    expect((await searchArticles(school, { q: '"unbalanced & | !', page: 'x' })).hits).toEqual(expect.any(Array));
  });

  it('keeps an answer until the school next changes what readers see, and no longer', async () => {
    const school = await canyon();
    const first = await searchArticles(school, { q: 'Pyongyang China' });
    // The same question, however spelt, is answered from the cache: the very same hits.
    expect((await searchArticles(await canyon(), { q: '  pyongyang   CHINA ' })).hits).toBe(first.hits);
    // Another page, filter or school is another question.
    expect((await searchArticles(school, { q: 'Pyongyang China', page: '2' })).hits).not.toBe(first.hits);
    expect((await searchArticles(school, { q: 'Pyongyang China', section: 'world' })).hits).not.toBe(first.hits);
    expect((await searchArticles(await lincoln(), { q: 'Pyongyang China' })).hits).toEqual([]);
    // Any change readers can see retires every answer of that school.
    await db.school.update({ where: { id: school.id }, data: { contentVersion: { increment: 1 } } });
    const after = await searchArticles(await canyon(), { q: 'Pyongyang China' });
    expect(after.hits).not.toBe(first.hits);
    expect(after.hits).toEqual(first.hits);
  });

  it('filters by volume, the issues of one school year', async () => {
    const school = await canyon();
    expect((await searchArticles(school, { q: 'Beijing', volume: '1' })).hits.map((hit) => hit.slug)).toEqual(['north-korea-troops-russia-ukraine']);
    expect((await searchArticles(school, { q: 'Beijing', volume: '2' })).hits).toEqual([]);
    expect((await searchArticles(school, { q: 'Beijing', volume: 'latest' })).query.volume).toBeUndefined();
    // The front page's latest issue is the archive's first.
    const [newest] = await listPublishedEditions(school);
    expect(await getLatestPublishedEdition(school)).toEqual({ id: newest!.id, volume: newest!.volume, number: newest!.number, title: newest!.title, issueDate: newest!.issueDate });
    // The form's choices: the volumes of the school's published issues.
    expect(await listPublishedVolumes(school)).toEqual(volumesOf(await listPublishedEditions(school)));
    expect((await listPublishedVolumes(school)).map(volumeLabel)).toEqual(['Vol. 1 (2026)']);
    // The form names each volume with the years of its issues, newest first.
    const issued = (volume: number, date: string) => ({ volume, issueDate: new Date(`${date}T00:00:00Z`) });
    expect(volumesOf([issued(1, '2025-09-02'), issued(2, '2026-10-01'), issued(1, '2026-05-20'), issued(2, '2026-11-12')]).map(volumeLabel)).toEqual(['Vol. 2 (2026)', 'Vol. 1 (2025–26)']);
  });

  it('lets the stories index apply the match under row-level security', async () => {
    // PostgreSQL lets an index apply a condition ahead of the policy only if the condition is
    // LEAKPROOF; otherwise every story of the school is read and matched (the migration
    // search_match_leakproof). Asked for matches alone, with sequential scans ruled out, the plan
    // shows which: the stories index applying the match, or a scan filtering every row.
    const school = await canyon();
    const plan = await transactionFor(school.id, async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM articles WHERE "searchVector" @@ websearch_to_tsquery('english', 'Pyongyang')`;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on "articles_schoolId_searchVector_idx".*\n\s+Index Cond: \("searchVector" @@/);
    expect((await searchArticles(school, { q: 'Pyongyang' })).hits.map((hit) => hit.slug)).toEqual(['north-korea-troops-russia-ukraine']);
  });
});

describe('feeds and the sitemap', () => {
  it('the school, section and reporter feeds parse as RSS and Atom with the required fields', async () => {
    const parser = new Parser();
    const school = await canyon();
    const rss = await parser.parseString((await buildFeed(school, { kind: 'school' }, 'rss'))!);
    expect(rss).toMatchObject({ title: 'The Raven Report', link: expect.stringContaining('/canyon-crest') });
    const seedItem = rss.items.find((item) => item.link?.endsWith('/articles/north-korea-troops-russia-ukraine'));
    expect(seedItem).toMatchObject({ title: 'North Korean Troops Head to Russia, Unsettling Allies and Beijing', guid: seedItem?.link, creator: 'Andrew Choi', isoDate: '2026-11-20T16:00:00.000Z' });
    expect(seedItem?.contentSnippet).toMatch(/^Pyongyang’s largest deployment/);
    const atom = await parser.parseString((await buildFeed(school, { kind: 'school' }, 'atom'))!);
    expect(atom.items.find((item) => item.title?.startsWith('North Korean Troops'))).toMatchObject({
      id: expect.stringContaining('/articles/north-korea-troops-russia-ukraine'),
      author: 'Andrew Choi',
    });
    const section = await parser.parseString((await buildFeed(school, { kind: 'section', slug: 'world' }, 'rss'))!);
    expect(section.title).toBe('World — The Raven Report');
    expect(section.items.map((item) => item.title)).toContain('North Korean Troops Head to Russia, Unsettling Allies and Beijing');
    expect((await parser.parseString((await buildFeed(school, { kind: 'section', slug: 'sports' }, 'rss'))!)).items.map((item) => item.title)).not.toContain(
      'North Korean Troops Head to Russia, Unsettling Allies and Beijing',
    );
    const reporter = await parser.parseString((await buildFeed(school, { kind: 'reporter', slug: 'andrew-choi' }, 'rss'))!);
    expect(reporter.items.map((item) => item.title)).toContain('North Korean Troops Head to Russia, Unsettling Allies and Beijing');
    expect(await buildFeed(school, { kind: 'section', slug: 'no-such-section' }, 'rss')).toBeNull();
  });

  it('nothing of one school is in the other school’s feeds or sitemap', async () => {
    const parser = new Parser();
    const feed = await parser.parseString((await buildFeed(await lincoln(), { kind: 'school' }, 'rss'))!);
    expect(feed.items).toEqual([]);
    expect(await buildFeed(await lincoln(), { kind: 'reporter', slug: 'andrew-choi' }, 'rss')).toBeNull();
    expect(await listSitemapArticles(await lincoln())).toEqual([]);
  });

  it('the sitemap lists exactly the live articles', async () => {
    const school = await canyon();
    const live = await db.article.findMany({ where: { schoolId: school.id, publishedRevisionId: { not: null } }, select: { slug: true } });
    expect((await listSitemapArticles(school)).map((entry) => entry.slug).sort()).toEqual(live.map((entry) => entry.slug).sort());
  });
});

describe('issues', () => {
  it('an issue is built, ordered, and published with its approved articles going live together; its page lists them by section', async () => {
    const school = await canyon();
    const sections = await db.section.findMany({ where: { schoolId: school.id } });
    const sectionId = (slug: string) => sections.find((section) => section.slug === slug)!.id;
    const sports = await articleInState(people.andrew, 'APPROVED', { sectionId: sectionId('sports'), approverId: people.adviser.membershipId });
    const news = await articleInState(people.andrew, 'APPROVED', { sectionId: sectionId('news'), approverId: people.adviser.membershipId });
    const draft = await articleInState(people.andrew, 'DRAFT');
    const created = await createEdition(people.editor, { volume: 1, number: 2, issueDate: '2026-12-04', title: 'Winter' });
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    let version = 1;
    for (const article of [sports, news]) {
      const added = await addToEdition(people.editor, id, article.id, version);
      if (!added.ok) throw new Error(added.error);
      version = added.data.version;
    }
    expect(await addToEdition(people.editor, id, draft.id, version)).toMatchObject({ ok: false, status: 422 });
    expect(await addToEdition(people.editor, id, news.id, version - 1)).toMatchObject({ ok: false, status: 409 });
    expect(await addToEdition(people.lincolnAdviser, id, news.id, version)).toMatchObject({ ok: false, status: 404 });
    const ordered = await orderEdition(people.editor, id, [news.id, sports.id], version);
    if (!ordered.ok) throw new Error(ordered.error);
    // Students may not publish at this school: the editor builds, the adviser publishes.
    expect(await publishEdition(people.editor, id, ordered.data.version)).toMatchObject({ ok: false, status: 403 });
    const published = await publishEdition(people.adviser, id, ordered.data.version);
    expect(published).toMatchObject({ ok: true, data: { published: expect.arrayContaining([sports.id, news.id]) } });
    expect((await db.article.findMany({ where: { id: { in: [sports.id, news.id] } } })).every((article) => article.status === 'PUBLISHED' && article.publishedRevisionId)).toBe(true);

    // The newest issue is the front page's latest.
    expect(await getLatestPublishedEdition(await canyon())).toMatchObject({ volume: 1, number: 2, title: 'Winter' });
    const page = await getPublishedEdition(await canyon(), 1, 2);
    expect(page?.sections.map((section) => [section.name, section.articles.map((article) => article.id)])).toEqual([
      ['News', [news.id]],
      ['Sports', [sports.id]],
    ]);
    expect(await getPublishedEdition(await lincoln(), 1, 2)).toBeNull();
    const seedIssue = await getPublishedEdition(await canyon(), 1, 1);
    expect(seedIssue?.sections).toEqual([{ name: 'World', articles: [expect.objectContaining({ slug: 'north-korea-troops-russia-ukraine', position: 0 })] }]);
  });
});

describe('the newsroom’s issues', () => {
  it('are listed a page at a time, newest first, each with its own school’s issues only', async () => {
    const adviser = await adviserOfNewSchool('archive');
    const count = NEWSROOM_EDITIONS_PAGE + 3;
    await db.edition.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        schoolId: adviser.schoolId,
        volume: 1 + Math.floor(index / 10),
        number: (index % 10) + 1,
        issueDate: new Date(Date.UTC(2000, 0, 1 + index)),
      })),
    });
    const first = await listNewsroomEditions(adviser, 1);
    const second = await listNewsroomEditions(adviser, 2);
    expect(first.pages).toBe(2);
    expect(first.editions).toHaveLength(NEWSROOM_EDITIONS_PAGE);
    expect(first.editions[0]).toMatchObject({ volume: 6, number: 3 });
    expect(second.editions.map((edition) => [edition.volume, edition.number])).toEqual([
      [1, 3],
      [1, 2],
      [1, 1],
    ]);
    expect((await listNewsroomEditions(adviser, 3)).editions).toEqual([]);
    expect((await listNewsroomEditions(people.adviser, 1)).editions.every((edition) => !first.editions.some((mine) => mine.id === edition.id))).toBe(true);
  });
});

describe('reader caching and people', () => {
  it('reader data is cached until the school’s content version moves on', async () => {
    const school = await canyon();
    const before = await getPublishedArticle(school, 'north-korea-troops-russia-ukraine');
    // A change that bypasses the app (no version bump) is not seen: the answer came from the cache.
    await db.articleRevision.updateMany({ where: { article: { slug: 'north-korea-troops-russia-ukraine' } }, data: { deck: 'Changed behind the cache.' } });
    expect((await getPublishedArticle(await canyon(), 'north-korea-troops-russia-ukraine'))?.revision.deck).toBe(before?.revision.deck);
    await db.school.update({ where: { id: school.id }, data: { contentVersion: { increment: 1 } } });
    expect((await getPublishedArticle(await canyon(), 'north-korea-troops-russia-ukraine'))?.revision.deck).toBe('Changed behind the cache.');
  });

  it('the staff box lists the active staff (editors first, adviser last) under the name policy; reporter pages list their work', async () => {
    const { staff, year } = await getStaffBox(await canyon());
    expect(year).toBe('2026-27');
    expect(staff[0]).toMatchObject({ name: 'Maya Patel', title: 'Editor-in-Chief' });
    expect(staff.at(-1)).toMatchObject({ name: 'Elena Park', title: 'Faculty Adviser' });
    // A second story of Andrew's of this test's own, so his page has more than one to page through.
    const second = await articleInState(people.andrew, 'APPROVED', { approverId: people.adviser.membershipId });
    await publish(second.id);
    const school = await canyon();
    await db.school.update({ where: { id: school.id }, data: { nameDisplayPolicy: 'FIRST_NAME_LAST_INITIAL', contentVersion: { increment: 1 } } });
    try {
      expect((await getStaffBox(await canyon())).staff.map((member) => member.name)).toContain('Andrew C.');
      const andrew = await getReporter(await canyon(), 'andrew-choi');
      expect(andrew).toMatchObject({ name: 'Andrew C.', bio: 'Andrew C. is a Sophomore student in Canyon Crest Academy' });
      const work = await listPublishedArticles(await canyon(), { membershipId: andrew!.id });
      expect(work.map((article) => article.slug)).toContain('north-korea-troops-russia-ukraine');
      expect(work[0]!.byline).toBe('Andrew C.');
      // Counted with the same rule as listed, so the reporter page's pages reach every story.
      expect(work.length).toBeGreaterThanOrEqual(2);
      expect(await countPublishedArticles(await canyon(), { membershipId: andrew!.id })).toBe(work.length);
      const pages = [await listPublishedArticles(await canyon(), { membershipId: andrew!.id, take: 1 }), await listPublishedArticles(await canyon(), { membershipId: andrew!.id, take: 1, skip: 1 })];
      expect(pages.flat().map((article) => article.slug)).toEqual(work.slice(0, 2).map((article) => article.slug));
    } finally {
      await db.school.update({ where: { id: school.id }, data: { nameDisplayPolicy: 'FULL_NAME', contentVersion: { increment: 1 } } });
    }
    expect(await getReporter(await lincoln(), 'andrew-choi')).toBeNull();
  });
});

describe('reporter pages', () => {
  it('list the live stories whose published byline credits the reporter, found by an index, and follow unpublishing', async () => {
    const school = await canyon();
    const credited = async (membershipId: string) => (await listPublishedArticles(await canyon(), { membershipId, take: 100 })).map((article) => article.id);
    const article = await articleInState(people.andrew, 'APPROVED', { coAuthorId: people.jordan.membershipId, approverId: people.adviser.membershipId });
    expect(await credited(people.jordan.membershipId)).not.toContain(article.id);
    await publish(article.id);
    expect(await credited(people.andrew.membershipId)).toContain(article.id);
    expect(await credited(people.jordan.membershipId)).toContain(article.id);
    expect(await countPublishedArticles(await canyon(), { membershipId: people.jordan.membershipId })).toBe((await credited(people.jordan.membershipId)).length);
    // Readers see the published revision: a byline changed in the working copy changes nothing yet.
    const live = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    const soloByline = [{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' as const }];
    const saved = await saveDraft(people.andrew, article.id, {
      headline: live.headline,
      deck: '',
      sectionId: null,
      tags: [],
      bylines: soloByline,
      body: live.body,
      expectedVersion: live.version,
      checkpoint: true,
    });
    expect(saved).toMatchObject({ ok: true });
    await db.school.update({ where: { id: school.id }, data: { contentVersion: { increment: 1 } } });
    expect(await credited(people.jordan.membershipId)).toContain(article.id);
    // What each story keeps is what its published revision's byline says (nothing while none is
    // live), by the one rule the migration's backfill used, for every story of the school.
    const creditsUnlikeBylines = () =>
      transactionFor(
        school.id,
        (tx) =>
          tx.$queryRaw<{ id: string }[]>`SELECT a.id FROM articles a LEFT JOIN article_revisions r ON r.id = a."publishedRevisionId"
          WHERE a."schoolId" = ${school.id} AND a."publishedBylineMemberIds"::text[] IS DISTINCT FROM coalesce(byline_member_ids(r.bylines), ARRAY[]::text[])`,
      );
    expect(await creditsUnlikeBylines()).toEqual([]);
    // Under the policies, with sequential scans ruled out, the index applies the reporter's id
    // itself (containment marked LEAKPROOF), not the school alone (migration reporter_pages_by_byline).
    const plan = await transactionFor(school.id, async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM articles WHERE "publishedBylineMemberIds" @> ARRAY[${people.jordan.membershipId}]`;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on "articles_schoolId_publishedBylineMemberIds_idx".*\n\s+Index Cond: \(.*"publishedBylineMemberIds" @>/);
    const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(await transition(people.adviser, article.id, { action: 'unpublish', expectedVersion: current.version, reason: 'Test' })).toMatchObject({ ok: true });
    expect(await credited(people.andrew.membershipId)).not.toContain(article.id);
    expect(await credited(people.jordan.membershipId)).not.toContain(article.id);
    expect(await creditsUnlikeBylines()).toEqual([]);
  });
});

describe('live stories newest first', () => {
  it('are read in order from an index of the live stories, of the school and of a section, under row-level security', async () => {
    // With sorting ruled out, only an index that holds live stories in this order can answer; the
    // lists of reader pages ask exactly this (lib/articles/public.ts), and without such an index
    // read and sorted every live story of the school (the migration live_stories_in_order).
    const school = await canyon();
    const section = await db.section.findFirstOrThrow({ where: { schoolId: school.id } });
    const plans = await transactionFor(school.id, async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const plan = async (statement: Prisma.Sql) => (await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(statement)).map((row) => row['QUERY PLAN']).join('\n');
      return [
        await plan(Prisma.sql`EXPLAIN SELECT id FROM articles WHERE "schoolId" = ${school.id} AND "publishedRevisionId" IS NOT NULL ORDER BY "publishedAt" DESC, id DESC LIMIT 7`),
        await plan(
          Prisma.sql`EXPLAIN SELECT id FROM articles WHERE "schoolId" = ${school.id} AND "sectionId" = ${section.id} AND "publishedRevisionId" IS NOT NULL ORDER BY "publishedAt" DESC, id DESC LIMIT 20`,
        ),
      ];
    });
    expect(plans[0]).toMatch(/Index (Only )?Scan using articles_live_newest_idx/);
    expect(plans[1]).toMatch(/Index (Only )?Scan using articles_live_section_newest_idx/);
    expect(plans.join('\n')).not.toMatch(/Sort/);
  });
});
