// Who may edit which article. Every newsroom data function loads its article through here, so the
// school scope (another school's article is simply not found) and the edit rule live in one place.
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';
import type { Prisma } from '../db.ts';
import { fail, missing, ok, type Result } from '../result.ts';

export const editableArticleFields = {
  id: true,
  schoolId: true,
  slug: true,
  sectionId: true,
  headline: true,
  deck: true,
  body: true,
  tags: true,
  featuredImage: true,
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

/** A section editor's reach ends at their section; everyone else's is the whole paper. */
export function inSectionScope(actor: Actor, article: { sectionId: string | null }): boolean {
  return actor.role !== 'EDITOR' || actor.sectionId === null || actor.sectionId === article.sectionId;
}

export function mayEdit(actor: Actor, article: { createdById: string | null; sectionId: string | null; bylines: { membershipId: string | null }[] }): boolean {
  if (isAuthor(actor, article)) return true;
  return can(actor, 'article.editAny') && inSectionScope(actor, article);
}

/** Row lock on one article of the school: concurrent saves, transitions and comments on it queue
 * here instead of interleaving. A no-op for another school's article (which is then not found). */
export async function lockArticle(tx: Prisma.TransactionClient, schoolId: string, articleId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM articles WHERE id = ${articleId} AND "schoolId" = ${schoolId} FOR UPDATE`;
}

/** The article of the actor's school, if the actor may edit it: 404 for another school's, 403 otherwise. */
export async function loadEditableArticle(tx: Prisma.TransactionClient, actor: Actor, articleId: string, options: { forUpdate?: boolean } = {}): Promise<Result<EditableArticle>> {
  if (options.forUpdate) await lockArticle(tx, actor.schoolId, articleId);
  const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: editableArticleFields });
  if (!article) return missing('article');
  if (!mayEdit(actor, article)) return fail(403, 'Only the article’s authors and the editors may change it.');
  return ok(article);
}
