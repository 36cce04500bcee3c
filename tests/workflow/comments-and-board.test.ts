import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/articles/content-hash.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { platformDb as db, transactionFor } from '../../lib/db.ts';
import { addComment, assignStory, listComments, loadBoard, pitchStory, resolveComment, startAssignedStory } from '../../lib/workflow/index.ts';
import { EDITIONS_IN_FILTER, FINISHED_SHOWN } from '../../lib/workflow/budget.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { adviserOfNewSchool, seededActors } from '../factories.ts';
import { articleInState } from './fixtures.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

describe('review comments', () => {
  it('a comment anchored to a phrase marks it in the working copy, but not for readers nor for the approval hash', async () => {
    const article = await articleInState(people.andrew, 'SUBMITTED');
    const before = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    // Positions 1..9 are the first eight characters of the first paragraph.
    const added = await addComment(people.adviser, article.id, { body: 'Who said this?', expectedVersion: article.version, anchor: { from: 1, to: 9, quotedText: 'Students' } });
    if (!added.ok) throw new Error(added.error);
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(JSON.stringify(after.body)).toContain(`"commentAnchor","attrs":{"id":"${added.data.id}"}`);
    expect(contentHash(after)).toBe(contentHash(before));
    expect(renderArticleHtml(after.body)).toBe(renderArticleHtml(before.body));
    expect(renderArticleHtml(after.body)).not.toContain('comment');

    const threads = await listComments(people.andrew, article.id);
    expect(threads).toMatchObject([{ quotedText: 'Students', body: 'Who said this?', author: 'Elena Park' }]);
    const reply = await addComment(people.andrew, article.id, { body: 'A senior, I will add the name.', expectedVersion: after.version, parentId: added.data.id });
    expect(reply.ok).toBe(true);
    expect(await resolveComment(people.andrew, article.id, added.data.id)).toMatchObject({ ok: true });
    const resolved = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(JSON.stringify(resolved.body)).not.toContain('commentAnchor');
    expect((await listComments(people.andrew, article.id))[0]).toMatchObject({ replies: [{ body: 'A senior, I will add the name.' }], resolvedAt: expect.any(Date) });
  });

  it('an anchor on text that has moved, a stale version, an outsider and another school are refused', async () => {
    const article = await articleInState(people.andrew, 'SUBMITTED');
    expect(await addComment(people.adviser, article.id, { body: 'x', expectedVersion: article.version, anchor: { from: 1, to: 9, quotedText: 'Teachers' } })).toMatchObject({ ok: false, status: 422 });
    expect(await addComment(people.adviser, article.id, { body: 'x', expectedVersion: article.version + 5, anchor: { from: 1, to: 9, quotedText: 'Students' } })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await addComment(people.jordan, article.id, { body: 'x', expectedVersion: article.version })).toMatchObject({ ok: false, status: 403 });
    expect(await addComment(people.lincolnAdviser, article.id, { body: 'x', expectedVersion: article.version })).toMatchObject({ ok: false, status: 404 });
    expect(await addComment(people.adviser, article.id, { body: '   ', expectedVersion: article.version })).toMatchObject({ ok: false, status: 422, fieldErrors: { body: 'Write a comment.' } });
  });
});

describe('the story budget', () => {
  it('shows articles by status, filters by person and section, and lists what waits for the viewer', async () => {
    const submitted = await articleInState(people.andrew, 'SUBMITTED');
    const draft = await articleInState(people.jordan, 'DRAFT');
    const board = await loadBoard(people.adviser, {});
    const column = (status: string) => board.columns.find((entry) => entry.status === status)!.cards.map((card) => card.id);
    expect(column('SUBMITTED')).toContain(submitted.id);
    expect(column('DRAFT')).toContain(draft.id);

    const waiting = await loadBoard(people.adviser, { waiting: 'me' });
    expect(waiting.columns.flatMap((entry) => entry.cards).every((card) => card.forMe)).toBe(true);
    expect(waiting.columns.find((entry) => entry.status === 'SUBMITTED')!.cards.map((card) => card.id)).toContain(submitted.id);
    // The author does not review their own story.
    const andrews = await loadBoard(people.andrew, { waiting: 'me' });
    expect(andrews.columns.find((entry) => entry.status === 'SUBMITTED')!.cards.map((card) => card.id)).not.toContain(submitted.id);

    const byJordan = await loadBoard(people.adviser, { person: people.jordan.membershipId });
    expect(byJordan.columns.flatMap((entry) => entry.cards).map((card) => card.id)).toContain(draft.id);
    expect(byJordan.columns.flatMap((entry) => entry.cards).map((card) => card.id)).not.toContain(submitted.id);
    // Another school's board never holds this school's stories; junk filters are ignored, not errors.
    const lincoln = await loadBoard(people.lincolnAdviser, { section: { bad: true }, due: 'someday' });
    expect(lincoln.columns.flatMap((entry) => entry.cards).map((card) => card.id)).not.toContain(submitted.id);
  });

  it('shows every story in the works however old, and only the most recent finished ones with how many there are', async () => {
    const forgotten = await articleInState(people.jordan, 'DRAFT');
    await db.article.update({ where: { id: forgotten.id }, data: { updatedAt: new Date('2019-09-01') } });
    // More published stories than the column shows, all newer than the forgotten draft.
    const school = people.adviser.schoolId;
    const published = Array.from({ length: FINISHED_SHOWN + 5 }, (_, index) => ({
      schoolId: school,
      slug: `budget-archive-${Date.now()}-${index}`,
      headline: `Archive story ${index}`,
      body: { type: 'doc', content: [] },
      status: 'PUBLISHED' as const,
      updatedAt: new Date(Date.now() - index * 60_000),
    }));
    await db.article.createMany({ data: published });
    const total = await db.article.count({ where: { schoolId: school, status: 'PUBLISHED' } });

    const board = await loadBoard(people.adviser, {});
    const column = (status: string) => board.columns.find((entry) => entry.status === status)!;
    expect(column('DRAFT').cards.map((card) => card.id)).toContain(forgotten.id);
    expect(column('PUBLISHED').cards).toHaveLength(FINISHED_SHOWN);
    expect(column('PUBLISHED').total).toBe(total);
    // The most recent first: the newest archive story is shown, the oldest of them is not.
    expect(column('PUBLISHED').cards.map((card) => card.headline)).toContain('Archive story 0');
    expect(column('PUBLISHED').cards.map((card) => card.headline)).not.toContain(`Archive story ${FINISHED_SHOWN + 4}`);
    expect(column('DRAFT').total).toBeNull();
    // "Waiting for me" shows no finished stories, and says nothing of how many there are.
    const waiting = await loadBoard(people.adviser, { waiting: 'me' });
    expect(waiting.columns.find((entry) => entry.status === 'PUBLISHED')).toMatchObject({ cards: [], total: null });
  });

  it('reads the most recent finished stories by status, in order, from an index, under row-level security', async () => {
    // With sorting and sequential scans ruled out, only an index that holds a school's stories of
    // one status newest change first, ties broken by id, and that may apply the status ahead of the
    // policy (enum equality marked LEAKPROOF), can answer the budget's choice of recent finished
    // stories (the migration budget_finished_in_order).
    const plan = await transactionFor(people.adviser.schoolId, async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_sort = off`;
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM articles
        WHERE "schoolId" = ${people.adviser.schoolId} AND status = 'PUBLISHED' ORDER BY "updatedAt" DESC, id DESC LIMIT ${FINISHED_SHOWN}`;
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Only Scan using "articles_schoolId_status_updatedAt_id_idx".*\n\s+Index Cond: \(.*status = /);
    expect(plan).not.toMatch(/Sort/);
  });

  it('offers the newest issues in its filter, and an older one when it is the one chosen', async () => {
    const adviser = await adviserOfNewSchool('longrun');
    const count = EDITIONS_IN_FILTER + 10;
    await db.edition.createMany({
      data: Array.from({ length: count }, (_, index) => ({ schoolId: adviser.schoolId, volume: 1, number: index + 1, issueDate: new Date(Date.UTC(2020, 0, 1 + index)) })),
    });
    const editions = await db.edition.findMany({ where: { schoolId: adviser.schoolId }, orderBy: { number: 'desc' } });

    const board = await loadBoard(adviser, {});
    expect(board.editions.map((edition) => edition.number)).toEqual(editions.slice(0, EDITIONS_IN_FILTER).map((edition) => edition.number));
    const oldest = editions.at(-1)!;
    const filtered = await loadBoard(adviser, { edition: oldest.id });
    expect(filtered.editions.map((edition) => edition.id)).toContain(oldest.id);
    expect(filtered.editions).toHaveLength(EDITIONS_IN_FILTER + 1);
    // Another school's issue is never offered, whatever the address says.
    const elsewhere = await db.edition.findFirstOrThrow({ where: { schoolId: people.adviser.schoolId } });
    expect((await loadBoard(adviser, { edition: elsewhere.id })).editions.map((edition) => edition.id)).not.toContain(elsewhere.id);
  });

  it('a section editor’s budget opens on their section', async () => {
    const sections = await db.section.findMany({ where: { schoolId: people.editor.schoolId }, orderBy: { position: 'asc' } });
    const sports = sections.find((section) => section.slug === 'sports')!;
    const inSports = await articleInState(people.andrew, 'SUBMITTED', { sectionId: sports.id });
    const elsewhere = await articleInState(people.andrew, 'SUBMITTED');
    const sportsEditor = { ...people.editor, sectionId: sports.id };
    const ids = (board: Awaited<ReturnType<typeof loadBoard>>) => board.columns.flatMap((entry) => entry.cards).map((card) => card.id);
    const own = await loadBoard(sportsEditor, {});
    expect(ids(own)).toContain(inSports.id);
    expect(ids(own)).not.toContain(elsewhere.id);
    expect(ids(await loadBoard(sportsEditor, { section: 'all' }))).toContain(elsewhere.id);
  });

  it('a pitch is assigned with a due date, and the assignee starts the draft from it', async () => {
    const pitched = await pitchStory(people.jordan, { title: 'Parking Lot Repaving Delayed', description: 'District says spring.', sectionId: null });
    if (!pitched.ok) throw new Error(pitched.error);
    expect(await assignStory(people.jordan, pitched.data.id, { assigneeId: people.jordan.membershipId, dueAt: '2026-12-01' })).toMatchObject({ ok: false, status: 403 });
    expect(await assignStory(people.editor, pitched.data.id, { assigneeId: people.lincolnAdviser.membershipId, dueAt: '2026-12-01' })).toMatchObject({ ok: false, status: 422 });
    expect(await assignStory(people.editor, pitched.data.id, { assigneeId: people.jordan.membershipId, dueAt: '2026-12-01' })).toMatchObject({ ok: true });
    expect(await startAssignedStory(people.andrew, pitched.data.id)).toMatchObject({ ok: false, status: 403 });
    const started = await startAssignedStory(people.jordan, pitched.data.id);
    if (!started.ok) throw new Error(started.error);
    expect(await db.article.findUniqueOrThrow({ where: { id: started.data.id } })).toMatchObject({ headline: 'Parking Lot Repaving Delayed', dueAt: new Date('2026-12-01') });
    expect(await startAssignedStory(people.jordan, pitched.data.id)).toMatchObject({ ok: false, status: 409 });
  });
});
