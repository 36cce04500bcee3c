// The newsroom board ("story budget"): articles by status with filters, what waits for the person
// looking, and the pitches and assignments that become articles.
import { z } from 'zod';
import { isLiveNow } from '../live-coverage/rules.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import { createDraft } from '../articles/drafts.ts';
import { type Prisma, dbFor, readsFor, transactionFor } from '../db.ts';
import type { ArticleStatus } from '../generated/prisma/enums.ts';
import { fail, missing, ok, parseInput, queryParams, type Result } from '../result.ts';
import { availableActions } from './policy.ts';
import { roundApprovals, workflowSchoolFields } from './transitions.ts';
import { editionLabel } from '../editions/label.ts';

export const BoardFilters = z.object({
  section: z.string().max(40).optional().catch(undefined),
  person: z.string().max(40).optional().catch(undefined),
  due: z.enum(['overdue', 'week']).optional().catch(undefined),
  edition: z.string().max(40).optional().catch(undefined),
  waiting: z.literal('me').optional().catch(undefined),
});
export type BoardFilters = z.output<typeof BoardFilters>;

export const BOARD_COLUMNS: ArticleStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'UNPUBLISHED'];
// Finished stories pile up for years (a paper has thousands); the board shows the most recent of
// them and how many there are, while every story still in the works is shown whatever its age.
const FINISHED: ArticleStatus[] = ['PUBLISHED', 'UNPUBLISHED'];
// Named rather than "not finished", so the read is by status in the index (budget_finished_in_order).
const IN_THE_WORKS = BOARD_COLUMNS.filter((status) => !FINISHED.includes(status));
export const FINISHED_SHOWN = 20;
const IN_THE_WORKS_LIMIT = 500;
// The issue filter offers the newest issues (a budget plans the next ones; a paper that has printed
// for decades has hundreds), and the one chosen if it is older.
export const EDITIONS_IN_FILTER = 30;

// Actions that mean "this is on my desk" when they are open to me.
const ON_MY_DESK = new Set(['approve', 'requestChanges', 'publish', 'submit']);

export async function loadBoard(actor: Actor, rawFilters: unknown) {
  const filters = BoardFilters.parse(queryParams(rawFilters));
  // A section editor's budget opens on their section (they may still choose "All").
  if (actor.role === 'EDITOR' && actor.sectionId && filters.section === undefined) filters.section = actor.sectionId;
  const now = new Date();
  const where: Prisma.ArticleWhereInput = { schoolId: actor.schoolId };
  if (filters.section && filters.section !== 'all') where.sectionId = filters.section;
  if (filters.person) where.bylines = { some: { membershipId: filters.person } };
  if (filters.due === 'overdue') where.dueAt = { lt: now };
  if (filters.due === 'week') where.dueAt = { gte: now, lt: new Date(now.getTime() + 7 * 86_400_000) };
  if (filters.edition) where.editionItems = { some: { editionId: filters.edition } };

  // One read-only transaction for the whole board: the school is set once and the statements share
  // one connection, instead of a transaction and a connection each.
  const { articles, finishedCounts, school, sections, staff, editions, events } = await readsFor(actor.schoolId, async (tx) => {
    const select = {
      id: true,
      headline: true,
      status: true,
      dueAt: true,
      updatedAt: true,
      sectionId: true,
      createdById: true,
      section: { select: { name: true } },
      bylines: { orderBy: { position: 'asc' }, select: { membershipId: true, guestName: true, membership: { select: { displayName: true } } } },
      editionItems: { select: { edition: { select: { volume: true, number: true } } } },
      liveStartedAt: true,
      liveEndedAt: true,
    } satisfies Prisma.ArticleSelect;
    const inTheWorks = await tx.article.findMany({
      where: { ...where, status: { in: IN_THE_WORKS } },
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
      take: IN_THE_WORKS_LIMIT,
      select,
    });
    // The most recent finished stories are chosen by id first and only then read with their
    // bylines, section and issue: reading those along with the choice costs them for every finished
    // story of the school before the sort (166 ms instead of 5 at 5,000 stories).
    const recentFinished = [];
    for (const status of FINISHED) {
      recentFinished.push(...(await tx.article.findMany({ where: { ...where, status }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: FINISHED_SHOWN, select: { id: true } })));
    }
    const finished = recentFinished.length
      ? await tx.article.findMany({ where: { schoolId: actor.schoolId, id: { in: recentFinished.map((article) => article.id) } }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], select })
      : [];
    const finishedCounts = await tx.article.groupBy({ by: ['status'], where: { ...where, status: { in: FINISHED } }, _count: { _all: true } });
    const articles = [...inTheWorks, ...finished];
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: workflowSchoolFields });
    const sections = await tx.section.findMany({ where: { schoolId: actor.schoolId }, orderBy: { position: 'asc' }, select: { id: true, name: true } });
    const staff = await tx.membership.findMany({ where: { schoolId: actor.schoolId, status: 'ACTIVE' }, orderBy: { displayName: 'asc' }, select: { id: true, displayName: true } });
    const editionFields = { id: true, volume: true, number: true } satisfies Prisma.EditionSelect;
    const recentEditions = await tx.edition.findMany({ where: { schoolId: actor.schoolId }, orderBy: [{ volume: 'desc' }, { number: 'desc' }], take: EDITIONS_IN_FILTER, select: editionFields });
    const chosenEdition =
      filters.edition && !recentEditions.some((edition) => edition.id === filters.edition)
        ? await tx.edition.findFirst({ where: { schoolId: actor.schoolId, id: filters.edition }, select: editionFields })
        : null;
    const editions = chosenEdition ? [...recentEditions, chosenEdition] : recentEditions;
    // Approvals in the current round, for the articles under review (one query for all of them).
    const submitted = articles.filter((article) => article.status === 'SUBMITTED').map((article) => article.id);
    const events = submitted.length
      ? await tx.workflowEvent.findMany({
          where: { schoolId: actor.schoolId, articleId: { in: submitted } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: { articleId: true, action: true },
        })
      : [];
    return { articles, finishedCounts, school, sections, staff, editions, events };
  });

  // Node 20 has no Map.groupBy.
  const eventsByArticle = new Map<string, typeof events>();
  for (const event of events) eventsByArticle.set(event.articleId, [...(eventsByArticle.get(event.articleId) ?? []), event]);
  const approvals = new Map([...eventsByArticle].map(([articleId, list]) => [articleId, roundApprovals(list).length]));

  const cards = articles.map((article) => {
    const actions = availableActions(actor, article, school, approvals.get(article.id) ?? 0).map((choice) => choice.action);
    const forMe = actions.some((action) => ON_MY_DESK.has(action) && (action !== 'submit' || article.status === 'CHANGES_REQUESTED'));
    return {
      id: article.id,
      headline: article.headline || 'Untitled draft',
      status: article.status,
      section: article.section?.name ?? null,
      people: article.bylines.map((byline) => byline.membership?.displayName ?? byline.guestName ?? '').filter(Boolean),
      dueAt: article.dueAt,
      overdue: article.dueAt !== null && article.dueAt < now && article.status !== 'PUBLISHED',
      edition: article.editionItems[0] ? editionLabel(article.editionItems[0].edition) : null,
      forMe,
      live: isLiveNow(article),
    };
  });
  const shown = filters.waiting === 'me' ? cards.filter((card) => card.forMe) : cards;
  const totals = new Map(finishedCounts.map((count) => [count.status, count._count._all]));
  // `total` is every story in the column, where the board shows only the most recent of them (not
  // when it shows only what waits for the viewer: that is never a finished story).
  const columns = BOARD_COLUMNS.map((status) => ({ status, cards: shown.filter((card) => card.status === status), total: filters.waiting === 'me' ? null : (totals.get(status) ?? null) }));
  return { filters, columns, waitingCount: cards.filter((card) => card.forMe).length, sections, staff, editions };
}

// --- Pitches and assignments ------------------------------------------------------------------

export const PitchInput = z.object({
  title: z.string().trim().min(3, 'Give the pitch a working title.').max(200, 'A title can be at most 200 characters.'),
  description: z.string().trim().max(2000, 'A description can be at most 2,000 characters.').default(''),
  sectionId: z.string().max(40).nullable().default(null),
});

export const AssignInput = z.object({
  assigneeId: z.string().min(1, 'Choose who writes it.').max(40),
  dueAt: z.coerce.date({ error: 'Choose a due date.' }),
});

export async function pitchStory(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  const parsed = parseInput(PitchInput, input);
  if (!parsed.ok) return parsed;
  const { sectionId, ...pitch } = parsed.data;
  if (sectionId && !(await dbFor(actor.schoolId).section.findFirst({ where: { id: sectionId, schoolId: actor.schoolId }, select: { id: true } }))) {
    return fail(422, 'Choose one of this newspaper’s sections.', { sectionId: 'Choose one of this newspaper’s sections.' });
  }
  const created = await dbFor(actor.schoolId).assignment.create({ data: { schoolId: actor.schoolId, ...pitch, sectionId, pitchedById: actor.membershipId }, select: { id: true } });
  return ok(created);
}

export async function assignStory(actor: Actor, assignmentId: string, input: unknown): Promise<Result<{ id: string }>> {
  const allowed = requirePermission(actor, 'article.review');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(AssignInput, input);
  if (!parsed.ok) return parsed;
  const assignment = await dbFor(actor.schoolId).assignment.findFirst({ where: { id: assignmentId, schoolId: actor.schoolId }, select: { id: true, status: true } });
  if (!assignment) return missing('pitch');
  if (assignment.status === 'FILED' || assignment.status === 'SPIKED') return fail(409, 'That story is already filed or spiked.');
  if (!(await dbFor(actor.schoolId).membership.findFirst({ where: { id: parsed.data.assigneeId, schoolId: actor.schoolId, status: 'ACTIVE' }, select: { id: true } }))) {
    return fail(422, 'That person is not on this newspaper’s staff.', { assigneeId: 'That person is not on this newspaper’s staff.' });
  }
  await dbFor(actor.schoolId).assignment.update({ where: { id: assignment.id }, data: { ...parsed.data, status: 'ASSIGNED' } });
  return ok({ id: assignment.id });
}

/** The assignee starts writing: a draft with the assignment's title, section and due date. */
export async function startAssignedStory(actor: Actor, assignmentId: string): Promise<Result<{ id: string; version: number }>> {
  const assignment = await dbFor(actor.schoolId).assignment.findFirst({ where: { id: assignmentId, schoolId: actor.schoolId } });
  if (!assignment) return missing('assignment');
  if (assignment.assigneeId !== actor.membershipId) return fail(403, 'Only the assigned reporter starts this story.');
  if (assignment.articleId) return fail(409, 'This story has already been started.');
  const created = await createDraft(actor, { headline: assignment.title, sectionId: assignment.sectionId });
  if (!created.ok) return created;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.article.update({ where: { id: created.data.id }, data: { dueAt: assignment.dueAt } });
    await tx.assignment.update({ where: { id: assignment.id }, data: { articleId: created.data.id, status: 'FILED' } });
  });
  return created;
}

export async function listAssignments(actor: Actor) {
  const rows = await dbFor(actor.schoolId).assignment.findMany({
    where: { schoolId: actor.schoolId, status: { in: ['PITCHED', 'ASSIGNED'] } },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
    select: { id: true, title: true, description: true, status: true, dueAt: true, assigneeId: true, pitchedById: true, section: { select: { name: true } } },
  });
  const names = new Map(
    (await dbFor(actor.schoolId).membership.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, displayName: true } })).map((member) => [member.id, member.displayName]),
  );
  return rows.map((row) => ({
    ...row,
    assignee: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
    pitchedBy: row.pitchedById ? (names.get(row.pitchedById) ?? null) : null,
    mine: row.assigneeId === actor.membershipId,
  }));
}
