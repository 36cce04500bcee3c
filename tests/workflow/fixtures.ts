// Articles put straight into a workflow state, for tests of what can happen next. Each is a real
// draft (created and saved through the data layer) whose status and approval fields are then set
// as the workflow would have left them.
import { createDraft, saveDraft } from '../../lib/articles/index.ts';
import { contentHash } from '../../lib/articles/content-hash.ts';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import type { ArticleStatus } from '../../lib/generated/prisma/enums.ts';
import { docOf, wordsOf } from '../factories.ts';

export async function articleInState(author: Actor, state: ArticleStatus, options: { coAuthorId?: string; sectionId?: string | null; approverId?: string } = {}) {
  const bylines = [{ membershipId: author.membershipId, guestName: null, title: 'Student Reporter' as const }];
  if (options.coAuthorId) bylines.push({ membershipId: options.coAuthorId, guestName: null, title: 'Student Reporter' as const });
  const created = await createDraft(author, { headline: `Council Votes ${state}`, bylines, sectionId: options.sectionId ?? null });
  if (!created.ok) throw new Error(created.error);
  const id = created.data.id;
  const fields = { headline: `Council Votes ${state}`, deck: '', sectionId: options.sectionId ?? null, tags: [], bylines };
  let saved = await saveDraft(author, id, { ...fields, expectedVersion: created.data.version, body: docOf(wordsOf(200)), checkpoint: true });
  if (!saved.ok) throw new Error(saved.error);
  const first = await db.articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { number: 'desc' } });
  if (state === 'PUBLISHED') {
    // Live at the first text, with a pending edit in the working copy.
    saved = await saveDraft(author, id, { ...fields, expectedVersion: saved.data.version, body: docOf(wordsOf(200, ' Updated.')), checkpoint: true });
    if (!saved.ok) throw new Error(saved.error);
  }
  const article = await db.article.findUniqueOrThrow({ where: { id } });
  const latest = await db.articleRevision.findFirstOrThrow({ where: { articleId: id }, orderBy: { number: 'desc' } });
  const approved = state === 'APPROVED' || state === 'SCHEDULED';
  await db.article.update({
    where: { id },
    data: {
      status: state,
      ...(approved ? { approvedRevisionId: latest.id, approvedContentHash: contentHash(article) } : {}),
      ...(state === 'SCHEDULED' ? { scheduledFor: new Date(Date.now() + 3_600_000) } : {}),
      ...(state === 'PUBLISHED' ? { publishedRevisionId: first.id, publishedAt: new Date(), firstPublishedAt: new Date() } : {}),
      ...(state === 'UNPUBLISHED' ? { unpublishedAt: new Date(), unpublishReason: 'Test' } : {}),
    },
  });
  if (state !== 'DRAFT')
    await db.workflowEvent.create({
      data: { schoolId: author.schoolId, articleId: id, actorId: author.membershipId, actorRole: author.role, action: 'submit', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' },
    });
  if (approved && options.approverId)
    await db.workflowEvent.create({
      data: { schoolId: author.schoolId, articleId: id, actorId: options.approverId, actorRole: 'ADVISER', action: 'approve', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' },
    });
  return db.article.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, status: true } });
}
