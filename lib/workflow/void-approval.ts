// An approval is for exact content. When a saved edit changes anything (text or bylines), the
// approval (or the approvals given so far in a review chain) no longer holds: the article goes back to waiting for
// review, and the history says why.
import type { Actor } from '../auth/actor.ts';
import type { Prisma } from '../db.ts';
import type { ArticleStatus } from '../generated/prisma/enums.ts';
import { notify } from '../notifications/index.ts';
import { approvalsOfRound } from './transitions.ts';

interface EditedArticle {
  id: string;
  schoolId: string;
  headline: string;
  status: ArticleStatus;
}

/** Called for every save that changed something. */
export async function voidApprovalOnEdit(tx: Prisma.TransactionClient, actor: Actor, article: EditedArticle): Promise<void> {
  if (article.status !== 'APPROVED' && article.status !== 'SCHEDULED' && article.status !== 'SUBMITTED') return;
  const approvals = await approvalsOfRound(tx, article.schoolId, article.id);
  if (approvals.length === 0) return;
  await tx.article.update({ where: { id: article.id }, data: { status: 'SUBMITTED', approvedRevisionId: null, approvedContentHash: null, scheduledFor: null } });
  await tx.workflowEvent.create({
    data: {
      schoolId: article.schoolId,
      articleId: article.id,
      actorId: actor.membershipId,
      actorRole: actor.role,
      action: 'voidApproval',
      fromStatus: article.status,
      toStatus: 'SUBMITTED',
      comment: 'The content changed after approval.',
    },
  });
  const school = await tx.school.findUniqueOrThrow({ where: { id: article.schoolId }, select: { id: true, slug: true, newspaperName: true } });
  const approvers = approvals.flatMap((event) => (event.actorId ? [event.actorId] : []));
  await notify(tx, school, approvers, {
    kind: 'approval-voided',
    articleId: article.id,
    message: `${actor.displayName} edited “${article.headline || 'Untitled draft'}” after your approval; it needs a new review.`,
    link: `/newsroom/articles/${article.id}`,
  });
}
