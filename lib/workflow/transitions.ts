// Taking a workflow action: checked in order — the school (404), who may act (403), the state and
// version (409), the input and the checklist (422) — then applied in one transaction with its
// event and notifications. The row lock and version check make two simultaneous decisions on one
// article resolve to exactly one.
import { z } from 'zod';
import { activeActorsOf, type Actor } from '../auth/actor.ts';
import { lockArticle } from '../articles/access.ts';
import { contentHash } from '../articles/content-hash.ts';
import { type Prisma, transactionFor } from '../db.ts';
import type { ArticleStatus, Role } from '../generated/prisma/enums.ts';
import { notify } from '../notifications/index.ts';
import { readersSeeChange } from '../articles/live.ts';
import { rememberPhotoDetails } from '../media/library.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { checklistErrors } from './checklist.ts';
import { openSuggestionsRefusal } from '../content/suggestions.ts';
import type { JSONContent } from '@tiptap/core';
import { permits, reviewChainOf } from './policy.ts';
import { ACTION_INPUTS, ruleOf, STATUS_LABELS, targetOf, WORKFLOW, WORKFLOW_ACTIONS, type WorkflowAction } from './table.ts';

export const TransitionInput = z.object({
  action: z.enum(WORKFLOW_ACTIONS as [WorkflowAction, ...WorkflowAction[]], { error: 'Unknown workflow action.' }),
  expectedVersion: z.number({ error: 'The request must say which version of the article it saw.' }).int().positive(),
  comment: z.string().trim().max(5000, 'A comment can be at most 5,000 characters.').optional(),
  reason: z.string().trim().max(1000, 'A reason can be at most 1,000 characters.').optional(),
  note: z.string().trim().max(2000, 'A correction can be at most 2,000 characters.').optional(),
  scheduledFor: z.coerce.date({ error: 'Choose a date and time.' }).optional(),
});
export type TransitionInput = z.input<typeof TransitionInput>;

export const workflowArticleFields = {
  id: true,
  schoolId: true,
  slug: true,
  status: true,
  version: true,
  headline: true,
  deck: true,
  body: true,
  bodyText: true,
  sectionId: true,
  tags: true,
  featuredImage: true,
  createdById: true,
  approvedRevisionId: true,
  approvedContentHash: true,
  publishedRevisionId: true,
  firstPublishedAt: true,
  scheduledFor: true,
  bylines: { select: { membershipId: true } },
} as const satisfies Prisma.ArticleSelect;
type WorkflowArticle = Prisma.ArticleGetPayload<{ select: typeof workflowArticleFields }>;

export const workflowSchoolFields = {
  id: true,
  slug: true,
  newspaperName: true,
  reviewPolicy: true,
  reviewChain: true,
  studentsMayPublish: true,
  checklist: true,
  maxHeadlineLength: true,
  minimumWords: true,
} as const satisfies Prisma.SchoolSelect;
type WorkflowSchool = Prisma.SchoolGetPayload<{ select: typeof workflowSchoolFields }>;

// The events that open a new review round: approvals before them no longer count.
const ROUND_STARTS = new Set(['submit', 'requestChanges', 'withdraw', 'voidApproval']);

/** The approvals of the current review round, from one article's events, newest first. */
export function roundApprovals<E extends { action: string }>(eventsNewestFirst: readonly E[]): E[] {
  const approvals: E[] = [];
  for (const event of eventsNewestFirst) {
    if (ROUND_STARTS.has(event.action)) break;
    if (event.action === 'approve') approvals.push(event);
  }
  return approvals;
}

/** The approvals given in the current review round (for review chains, "before any decision"
 * and voiding), with who gave them. */
export async function approvalsOfRound(tx: Prisma.TransactionClient, schoolId: string, articleId: string) {
  const events = await tx.workflowEvent.findMany({ where: { schoolId, articleId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 50, select: { action: true, actorId: true } });
  return roundApprovals(events);
}

export async function approvalsInRound(tx: Prisma.TransactionClient, schoolId: string, articleId: string): Promise<number> {
  return (await approvalsOfRound(tx, schoolId, articleId)).length;
}

export function authorIds(article: Pick<WorkflowArticle, 'createdById' | 'bylines'>): string[] {
  return [...new Set([article.createdById, ...article.bylines.map((byline) => byline.membershipId)].filter((id): id is string => Boolean(id)))];
}

/** Members who could take `action` on the article now: whom to notify when it waits for them. */
async function membersWhoMay(tx: Prisma.TransactionClient, action: WorkflowAction, article: WorkflowArticle, school: WorkflowSchool, approvals: number): Promise<string[]> {
  return (await activeActorsOf(tx, school)).filter((member) => permits(action, member, article, school, approvals).allowed).map((member) => member.membershipId);
}

export interface TransitionDone {
  status: ArticleStatus;
  version: number;
}

async function record(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  article: WorkflowArticle,
  action: string,
  to: ArticleStatus,
  extra: { revisionId?: string | null; comment?: string | null; role?: Role | null } = {},
) {
  await tx.workflowEvent.create({
    data: {
      schoolId: article.schoolId,
      articleId: article.id,
      actorId: actor?.membershipId ?? null,
      actorRole: actor?.role ?? extra.role ?? null,
      action,
      fromStatus: article.status,
      toStatus: to,
      revisionId: extra.revisionId ?? null,
      comment: extra.comment ?? null,
    },
  });
}

async function latestRevision(tx: Prisma.TransactionClient, article: WorkflowArticle) {
  return tx.articleRevision.findFirstOrThrow({ where: { schoolId: article.schoolId, articleId: article.id }, orderBy: { number: 'desc' }, select: { id: true, contentHash: true } });
}

const link = (article: { id: string }) => `/newsroom/articles/${article.id}`;
const title = (article: { headline: string }) => `“${article.headline || 'Untitled draft'}”`;

/** Makes the approved revision live: shared by "Publish now" and the scheduler. */
export async function makeLive(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  article: WorkflowArticle,
  school: WorkflowSchool,
  options: { action: string; note?: string },
): Promise<Result<TransitionDone>> {
  if (!article.approvedRevisionId || article.approvedContentHash !== contentHash(article)) {
    return fail(409, 'The article changed after it was approved; it needs a new approval.');
  }
  const now = new Date();
  const wasLive = article.publishedRevisionId !== null;
  const updated = await tx.article.update({
    where: { id: article.id },
    data: {
      status: WORKFLOW.publish.to,
      publishedRevisionId: article.approvedRevisionId,
      publishedAt: now,
      firstPublishedAt: article.firstPublishedAt ?? now,
      scheduledFor: null,
      unpublishedAt: null,
      unpublishReason: null,
      version: { increment: 1 },
    },
    select: { status: true, version: true },
  });
  if (wasLive && options.note) await tx.correction.create({ data: { schoolId: article.schoolId, articleId: article.id, note: options.note, createdById: actor?.membershipId ?? null } });
  await readersSeeChange(tx, article.schoolId, [article.id]);
  await rememberPhotoDetails(tx, article.schoolId, article.body, article.featuredImage);
  await record(tx, actor, article, options.action, WORKFLOW.publish.to, { revisionId: article.approvedRevisionId, comment: options.note });
  await notify(tx, school, authorIds(article), { kind: 'published', articleId: article.id, message: `${title(article)} is published.`, link: link(article) });
  // Where student editors decide, the adviser is informed of what went out.
  if (school.reviewPolicy === 'STUDENT_EDITORS_DECIDE' && actor?.role === 'EDITOR') {
    const advisers = await tx.membership.findMany({ where: { schoolId: school.id, role: 'ADVISER', status: 'ACTIVE' }, select: { id: true } });
    await notify(
      tx,
      school,
      advisers.map((adviser) => adviser.id),
      { kind: 'published-by-students', articleId: article.id, message: `${actor.displayName} published ${title(article)}.`, link: link(article) },
    );
  }
  return ok(updated);
}

export async function transition(actor: Actor, articleId: string, input: unknown): Promise<Result<TransitionDone>> {
  const parsed = parseInput(TransitionInput, input);
  if (!parsed.ok) return parsed;
  const { action, expectedVersion, comment, reason, note, scheduledFor } = parsed.data;
  const rule = ruleOf(action);

  return transactionFor(actor.schoolId, async (tx): Promise<Result<TransitionDone>> => {
    await lockArticle(tx, actor.schoolId, articleId);
    const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: workflowArticleFields });
    if (!article) return missing('article');
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: workflowSchoolFields });
    const approvals = await approvalsInRound(tx, school.id, article.id);

    const permission = permits(action, actor, article, school, approvals);
    if (!permission.allowed) return fail(403, permission.why);
    if (!(rule.from as readonly ArticleStatus[]).includes(article.status)) {
      return fail(409, `“${rule.label}” is not possible while the article is ${STATUS_LABELS[article.status].toLowerCase()}.`);
    }
    if (article.version !== expectedVersion) return fail(409, 'The article changed since you opened it. Reload to see the latest version.');

    if (rule.needs) {
      const { field, missing } = ACTION_INPUTS[rule.needs];
      const given = { comment, reason, note, time: scheduledFor }[rule.needs];
      if (!given) return fail(422, missing, { [field]: missing });
    }
    // Where the action leads is the table's to say (lib/workflow/table.ts).
    const to = targetOf(action, article.publishedRevisionId !== null);
    const live = article.publishedRevisionId !== null;
    const bump = { version: { increment: 1 } } as const;

    switch (action) {
      case 'submit': {
        const errors = checklistErrors({ ...article, bylineCount: article.bylines.length }, school);
        if (Object.keys(errors).length > 0) return fail(422, 'The story is not ready to submit yet.', errors);
        const revision = await latestRevision(tx, article);
        if (live) {
          const liveRevision = await tx.articleRevision.findUniqueOrThrow({ where: { id: article.publishedRevisionId! }, select: { contentHash: true } });
          if (liveRevision.contentHash === revision.contentHash) return fail(422, 'Nothing has changed since the published version.', { body: 'Nothing has changed since the published version.' });
        }
        const updated = await tx.article.update({
          where: { id: article.id },
          data: { status: to, approvedRevisionId: null, approvedContentHash: null, ...bump },
          select: { status: true, version: true },
        });
        await record(tx, actor, article, action, to, { revisionId: revision.id, comment });
        await notify(tx, school, await membersWhoMay(tx, 'approve', article, school, 0), {
          kind: 'submitted',
          articleId: article.id,
          message: `${actor.displayName} submitted ${title(article)} for review.`,
          link: link(article),
        });
        return ok(updated);
      }
      case 'withdraw': {
        if (approvals > 0) return fail(409, 'A reviewer has already approved it; ask them to request changes instead.');
        const updated = await tx.article.update({ where: { id: article.id }, data: { status: to, ...bump }, select: { status: true, version: true } });
        await record(tx, actor, article, action, to, { comment });
        return ok(updated);
      }
      case 'requestChanges': {
        const updated = await tx.article.update({
          where: { id: article.id },
          data: { status: to, approvedRevisionId: null, approvedContentHash: null, scheduledFor: null, ...bump },
          select: { status: true, version: true },
        });
        await tx.comment.create({ data: { schoolId: article.schoolId, articleId: article.id, authorId: actor.membershipId, body: comment! } });
        await record(tx, actor, article, action, to, { comment });
        await notify(tx, school, authorIds(article), {
          kind: 'changes-requested',
          articleId: article.id,
          message: `${actor.displayName} asked for changes to ${title(article)}.`,
          link: link(article),
        });
        return ok(updated);
      }
      case 'approve': {
        const suggestions = openSuggestionsRefusal(article.body as JSONContent);
        if (suggestions) return fail(409, suggestions);
        const revision = await latestRevision(tx, article);
        // In a review chain, only the last step's approval makes the article approved.
        const final = approvals + 1 >= Math.max(1, reviewChainOf(school).length);
        const updated = await tx.article.update({
          where: { id: article.id },
          data: final ? { status: to, approvedRevisionId: revision.id, approvedContentHash: contentHash(article), ...bump } : bump,
          select: { status: true, version: true },
        });
        // An earlier step's approval leaves the article where it is, waiting for the next step.
        await record(tx, actor, article, action, final ? to : article.status, { revisionId: revision.id, comment });
        if (final) await notify(tx, school, authorIds(article), { kind: 'approved', articleId: article.id, message: `${actor.displayName} approved ${title(article)}.`, link: link(article) });
        else
          await notify(tx, school, await membersWhoMay(tx, 'approve', article, school, approvals + 1), {
            kind: 'submitted',
            articleId: article.id,
            message: `${title(article)} is waiting for your approval.`,
            link: link(article),
          });
        return ok(updated);
      }
      case 'schedule': {
        if (scheduledFor!.getTime() <= Date.now()) return fail(422, 'Choose a time in the future.', { scheduledFor: 'Choose a time in the future.' });
        const updated = await tx.article.update({ where: { id: article.id }, data: { status: to, scheduledFor, ...bump }, select: { status: true, version: true } });
        await record(tx, actor, article, action, to, { comment: `For ${scheduledFor!.toISOString()}` });
        await notify(tx, school, authorIds(article), { kind: 'scheduled', articleId: article.id, message: `${title(article)} is scheduled to publish.`, link: link(article) });
        return ok(updated);
      }
      case 'unschedule': {
        const updated = await tx.article.update({ where: { id: article.id }, data: { status: to, scheduledFor: null, ...bump }, select: { status: true, version: true } });
        await record(tx, actor, article, action, to, { comment });
        return ok(updated);
      }
      case 'publish': {
        const suggestions = openSuggestionsRefusal(article.body as JSONContent);
        if (suggestions) return fail(409, suggestions);
        return makeLive(tx, actor, article, school, { action, note });
      }
      case 'correct': {
        await tx.correction.create({ data: { schoolId: article.schoolId, articleId: article.id, note: note!, createdById: actor.membershipId } });
        await readersSeeChange(tx, article.schoolId);
        const updated = await tx.article.update({ where: { id: article.id }, data: { status: to, ...bump }, select: { status: true, version: true } });
        await record(tx, actor, article, action, to, { comment: note });
        return ok(updated);
      }
      case 'unpublish': {
        const updated = await tx.article.update({
          where: { id: article.id },
          data: { status: to, publishedRevisionId: null, unpublishedAt: new Date(), unpublishReason: reason, scheduledFor: null, ...bump },
          select: { status: true, version: true },
        });
        await record(tx, actor, article, action, to, { revisionId: article.publishedRevisionId, comment: reason });
        await readersSeeChange(tx, article.schoolId, [article.id]);
        await notify(tx, school, authorIds(article), { kind: 'unpublished', articleId: article.id, message: `${actor.displayName} unpublished ${title(article)}.`, link: link(article) });
        return ok(updated);
      }
      case 'reopen': {
        const updated = await tx.article.update({
          where: { id: article.id },
          data: { status: to, approvedRevisionId: null, approvedContentHash: null, ...bump },
          select: { status: true, version: true },
        });
        await record(tx, actor, article, action, to, { comment });
        return ok(updated);
      }
    }
  });
}
