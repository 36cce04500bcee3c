// What the article page shows around the text: its workflow state, the actions this person may
// take, whom it waits for, the comments and the history.
import type { Actor } from '../auth/actor.ts';
import { db, transactionFor } from '../db.ts';
import { missing, ok } from '../result.ts';
import { listComments } from './comments.ts';
import { articleHistory } from './history.ts';
import { CHAIN_STEP_LABELS, availableActions, nextApprovalStep } from './policy.ts';
import { approvalsInRound, workflowSchoolFields } from './transitions.ts';

export async function getWorkflowView(actor: Actor, articleId: string) {
  const loaded = await transactionFor(actor.schoolId, async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, schoolId: actor.schoolId },
      select: {
        id: true,
        slug: true,
        status: true,
        version: true,
        sectionId: true,
        createdById: true,
        scheduledFor: true,
        publishedRevisionId: true,
        publishedAt: true,
        unpublishReason: true,
        bylines: { select: { membershipId: true } },
      },
    });
    return article ? { article, approvals: await approvalsInRound(tx, actor.schoolId, articleId) } : null;
  });
  if (!loaded) return missing('article');
  const { article, approvals } = loaded;
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: workflowSchoolFields });
  const waitingFor = article.status === 'SUBMITTED' ? nextApprovalStep(school, approvals) : null;
  const [comments, history] = await Promise.all([listComments(actor, articleId), articleHistory(actor, articleId)]);
  return ok({
    status: article.status,
    version: article.version,
    slug: article.slug,
    live: article.publishedRevisionId !== null,
    scheduledFor: article.scheduledFor,
    actions: availableActions(actor, article, school, approvals),
    waitingFor: waitingFor ? CHAIN_STEP_LABELS[waitingFor] : article.status === 'SUBMITTED' ? 'an editor or the adviser' : null,
    comments,
    history,
  });
}

export type WorkflowView = Extract<Awaited<ReturnType<typeof getWorkflowView>>, { ok: true }>['data'];
