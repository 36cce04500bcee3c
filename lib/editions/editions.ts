// Issues of the paper (editions: Vol. 2, No. 5): built in the newsroom from approved or published
// articles, ordered, and published together — every approved article in it goes live in the same
// transaction as the issue itself.
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { type Prisma, dbFor, readsFor, transactionFor } from '../db.ts';
import { pageCount } from '../paging.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { permits } from '../workflow/policy.ts';
import { makeLive, workflowArticleFields, workflowSchoolFields } from '../workflow/transitions.ts';
import { editionLabel } from './label.ts';

export const EditionInput = z.object({
  volume: z.coerce.number({ error: 'Give the volume as a number.' }).int('Give the volume as a whole number.').min(1, 'Volumes start at 1.').max(999),
  number: z.coerce.number({ error: 'Give the issue number as a number.' }).int('Give the number as a whole number.').min(1, 'Numbers start at 1.').max(999),
  issueDate: z.coerce.date({ error: 'Choose the issue date.' }),
  title: z
    .string()
    .trim()
    .max(200, 'A title can be at most 200 characters.')
    .transform((value) => value || null)
    .default(''),
});

const BUILDABLE = ['APPROVED', 'SCHEDULED', 'PUBLISHED'] as const;

async function lockEdition(tx: Prisma.TransactionClient, actor: Actor, editionId: string, expectedVersion?: number) {
  await tx.$executeRaw`SELECT 1 FROM editions WHERE id = ${editionId} AND "schoolId" = ${actor.schoolId} FOR UPDATE`;
  const edition = await tx.edition.findFirst({ where: { id: editionId, schoolId: actor.schoolId } });
  if (!edition) return missing('issue');
  if (expectedVersion !== undefined && edition.version !== expectedVersion) return fail(409, 'Someone changed this issue since you opened it. Reload to see the latest.');
  return ok(edition);
}

type LockedEdition = Prisma.EditionGetPayload<object>;

/** One change to an issue's contents by someone who builds issues: the issue locked at the version
 * they saw, then the change, then a new version (and, once it is published, readers see it). */
async function changeEdition(
  actor: Actor,
  editionId: string,
  expectedVersion: number,
  change: (tx: Prisma.TransactionClient, edition: LockedEdition) => Promise<Result<unknown> | null>,
): Promise<Result<{ version: number }>> {
  const allowed = requirePermission(actor, 'edition.manage');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const edition = await lockEdition(tx, actor, editionId, expectedVersion);
    if (!edition.ok) return edition;
    const refused = await change(tx, edition.data);
    if (refused && !refused.ok) return refused;
    return ok(await bump(tx, edition.data));
  });
}

export async function createEdition(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  const allowed = requirePermission(actor, 'edition.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(EditionInput, input);
  if (!parsed.ok) return parsed;
  const taken = await dbFor(actor.schoolId).edition.findUnique({
    where: { schoolId_volume_number: { schoolId: actor.schoolId, volume: parsed.data.volume, number: parsed.data.number } },
    select: { id: true },
  });
  if (taken) return fail(409, `${editionLabel(parsed.data)} already exists.`, { number: 'That volume and number are taken.' });
  return ok(await dbFor(actor.schoolId).edition.create({ data: { schoolId: actor.schoolId, ...parsed.data }, select: { id: true } }));
}

/** Adds an approved (or already published) article of the school at the end of the issue. */
export function addToEdition(actor: Actor, editionId: string, articleId: string, expectedVersion: number): Promise<Result<{ version: number }>> {
  return changeEdition(actor, editionId, expectedVersion, async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: { id: true, status: true } });
    if (!article) return missing('article');
    if (!(BUILDABLE as readonly string[]).includes(article.status))
      return fail(422, 'Only approved or published articles go into an issue.', { articleId: 'Only approved or published articles go into an issue.' });
    if (await tx.editionArticle.findUnique({ where: { editionId_articleId: { editionId, articleId } } })) return fail(409, 'That article is already in this issue.');
    const last = await tx.editionArticle.aggregate({ where: { schoolId: actor.schoolId, editionId }, _max: { position: true } });
    await tx.editionArticle.create({ data: { schoolId: actor.schoolId, editionId, articleId, position: (last._max.position ?? -1) + 1 } });
    return null;
  });
}

export function removeFromEdition(actor: Actor, editionId: string, articleId: string, expectedVersion: number): Promise<Result<{ version: number }>> {
  return changeEdition(actor, editionId, expectedVersion, async (tx) => {
    const removed = await tx.editionArticle.deleteMany({ where: { schoolId: actor.schoolId, editionId, articleId } });
    return removed.count === 0 ? fail(404, 'That article is not in this issue.') : null;
  });
}

/** Sets the running order: the given article ids, every one of the issue's, in order. */
export function orderEdition(actor: Actor, editionId: string, articleIds: string[], expectedVersion: number): Promise<Result<{ version: number }>> {
  return changeEdition(actor, editionId, expectedVersion, async (tx) => {
    const items = await tx.editionArticle.findMany({ where: { schoolId: actor.schoolId, editionId }, select: { id: true, articleId: true } });
    if (items.length !== articleIds.length || !items.every((item) => articleIds.includes(item.articleId))) {
      return fail(422, 'The order must list every article of the issue once.', { order: 'The order must list every article of the issue once.' });
    }
    for (const item of items) await tx.editionArticle.update({ where: { id: item.id }, data: { position: articleIds.indexOf(item.articleId) } });
    return null;
  });
}

async function bump(tx: Prisma.TransactionClient, edition: { id: string; status: string; schoolId: string }) {
  const updated = await tx.edition.update({ where: { id: edition.id }, data: { version: { increment: 1 } }, select: { version: true } });
  // A published issue's contents are on readers' pages.
  if (edition.status === 'PUBLISHED') await readersSeeChange(tx, edition.schoolId);
  return updated;
}

/** Publishes the issue: its approved articles go live with it, all or nothing. */
export async function publishEdition(actor: Actor, editionId: string, expectedVersion: number): Promise<Result<{ published: string[] }>> {
  return transactionFor(actor.schoolId, async (tx): Promise<Result<{ published: string[] }>> => {
    const edition = await lockEdition(tx, actor, editionId, expectedVersion);
    if (!edition.ok) return edition;
    if (edition.data.status === 'PUBLISHED') return fail(409, 'This issue is already published.');
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: workflowSchoolFields });
    // The issue as a whole first (no story's authorship counts), then each story it makes live.
    const mayPublishIssue = permits('publish', actor, { createdById: null, sectionId: null, bylines: [] }, school);
    if (!mayPublishIssue.allowed) return fail(403, mayPublishIssue.why);
    const items = await tx.editionArticle.findMany({ where: { schoolId: actor.schoolId, editionId }, select: { articleId: true } });
    if (items.length === 0) return fail(422, 'Add articles before publishing the issue.');
    await tx.$executeRaw`SELECT 1 FROM articles WHERE "schoolId" = ${actor.schoolId} AND id IN (SELECT "articleId" FROM edition_articles WHERE "editionId" = ${editionId}) FOR UPDATE`;
    const articles = await tx.article.findMany({ where: { schoolId: actor.schoolId, id: { in: items.map((item) => item.articleId) } }, select: workflowArticleFields });
    const notReady = articles.filter((article) => !(BUILDABLE as readonly string[]).includes(article.status));
    if (notReady.length > 0) return fail(409, `Not approved any more: ${notReady.map((article) => `“${article.headline}”`).join(', ')}. Remove them or have them approved again.`);
    const published: string[] = [];
    for (const article of articles.filter((candidate) => candidate.status !== 'PUBLISHED')) {
      const mayPublishStory = permits('publish', actor, article, school);
      if (!mayPublishStory.allowed) return fail(403, mayPublishStory.why);
      const made = await makeLive(tx, actor, article, school, { action: 'publish' });
      if (!made.ok) return made;
      published.push(article.id);
    }
    await tx.edition.update({ where: { id: editionId }, data: { status: 'PUBLISHED', publishedAt: new Date(), version: { increment: 1 } } });
    await readersSeeChange(tx, actor.schoolId);
    return ok({ published });
  });
}

// --- Reading ----------------------------------------------------------------------------------

/** Issues a newsroom page lists at a time: a paper that has printed for decades has hundreds. */
export const NEWSROOM_EDITIONS_PAGE = 50;

/** One page of the school's issues, newest first, and how many pages there are. */
export async function listNewsroomEditions(actor: Actor, page = 1) {
  return readsFor(actor.schoolId, async (tx) => {
    const editions = await tx.edition.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: [{ volume: 'desc' }, { number: 'desc' }],
      skip: (page - 1) * NEWSROOM_EDITIONS_PAGE,
      take: NEWSROOM_EDITIONS_PAGE,
      select: { id: true, volume: true, number: true, title: true, issueDate: true, status: true, _count: { select: { items: true } } },
    });
    const total = await tx.edition.count({ where: { schoolId: actor.schoolId } });
    return { editions, pages: pageCount(total, NEWSROOM_EDITIONS_PAGE) };
  });
}

export async function getEditionForBuilding(actor: Actor, editionId: string) {
  const edition = await dbFor(actor.schoolId).edition.findFirst({
    where: { id: editionId, schoolId: actor.schoolId },
    select: {
      id: true,
      volume: true,
      number: true,
      title: true,
      issueDate: true,
      status: true,
      version: true,
      items: { orderBy: { position: 'asc' }, select: { article: { select: { id: true, headline: true, status: true, section: { select: { name: true } } } } } },
    },
  });
  if (!edition) return null;
  const inIssue = edition.items.map((item) => item.article.id);
  const candidates = await dbFor(actor.schoolId).article.findMany({
    where: { schoolId: actor.schoolId, status: { in: [...BUILDABLE] }, id: { notIn: inIssue } },
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: { id: true, headline: true, status: true, section: { select: { name: true } } },
  });
  return { ...edition, candidates };
}
