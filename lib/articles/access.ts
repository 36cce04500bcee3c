// Who may edit which article. Every newsroom data function loads its article through here, so the
// school scope (another school's article is simply not found) and the edit rule live in one place.
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';
import type { Prisma } from '../db.ts';
import { fail, ok, type Result } from '../result.ts';

export const editableArticleFields = {
  id: true,
  schoolId: true,
  slug: true,
  sectionId: true,
  headline: true,
  deck: true,
  body: true,
  tags: true,
  status: true,
  version: true,
  createdById: true,
  firstPublishedAt: true,
  approvedRevisionId: true,
  publishedRevisionId: true,
  updatedAt: true,
  bylines: { orderBy: { position: 'asc' }, select: { membershipId: true, guestName: true, title: true } },
} as const satisfies Prisma.ArticleSelect;

export type EditableArticle = Prisma.ArticleGetPayload<{ select: typeof editableArticleFields }>;

export function isAuthor(actor: Actor, article: { createdById: string | null; bylines: { membershipId: string | null }[] }): boolean {
  return article.createdById === actor.membershipId || article.bylines.some((byline) => byline.membershipId === actor.membershipId);
}

export function mayEdit(actor: Actor, article: { createdById: string | null; sectionId: string | null; bylines: { membershipId: string | null }[] }): boolean {
  if (isAuthor(actor, article)) return true;
  if (!can(actor, 'article.editAny')) return false;
  // A section editor's reach ends at their section; advisers and admins see the whole paper.
  return actor.role !== 'EDITOR' || actor.sectionId === null || actor.sectionId === article.sectionId;
}

/** The article of the actor's school, if the actor may edit it: 404 for another school's, 403 otherwise. */
export async function loadEditableArticle(tx: Prisma.TransactionClient, actor: Actor, articleId: string, options: { forUpdate?: boolean } = {}): Promise<Result<EditableArticle>> {
  if (options.forUpdate) {
    // Row lock: concurrent saves and transitions of one article queue here instead of interleaving.
    await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${articleId} AND "schoolId" = ${actor.schoolId} FOR UPDATE`;
  }
  const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: editableArticleFields });
  if (!article) return fail(404, 'That article was not found.');
  if (!mayEdit(actor, article)) return fail(403, 'Only the article’s authors and the editors may change it.');
  return ok(article);
}
