// Review comments: anchored to a stretch of text (the commentAnchor mark in the working copy) or
// general, in threads that can be resolved. Authors and reviewers of the article take part.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';
import { inSectionScope, isAuthor, lockArticle } from '../articles/access.ts';
import { addCommentAnchor, withoutCommentAnchors } from '../content/comment-anchors.ts';
import type { ArticleDoc } from '../content/document.ts';
import { type Prisma, dbFor, transactionFor } from '../db.ts';
import { notify } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { authorIds } from './transitions.ts';

export const CommentInput = z.object({
  body: z.string().trim().min(1, 'Write a comment.').max(5000, 'A comment can be at most 5,000 characters.'),
  expectedVersion: z.number().int().positive(),
  parentId: z.string().max(40).optional(),
  anchor: z.object({ from: z.number().int(), to: z.number().int(), quotedText: z.string().min(1).max(2000) }).optional(),
});

const commentArticleFields = { id: true, schoolId: true, headline: true, version: true, body: true, sectionId: true, createdById: true, bylines: { select: { membershipId: true } } } as const;
type CommentArticle = Prisma.ArticleGetPayload<{ select: typeof commentArticleFields }>;

function mayDiscuss(actor: Actor, article: CommentArticle): boolean {
  return isAuthor(actor, article) || (can(actor, 'article.review') && inSectionScope(actor, article));
}

/** The article, row-locked, if the actor may discuss it: 404 for another school's, 403 otherwise. */
async function lockDiscussableArticle(tx: Prisma.TransactionClient, actor: Actor, articleId: string): Promise<Result<CommentArticle>> {
  await lockArticle(tx, actor.schoolId, articleId);
  const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: commentArticleFields });
  if (!article) return missing('article');
  if (!mayDiscuss(actor, article)) return fail(403, 'Only the article’s authors and its reviewers may comment on it.');
  return ok(article);
}

export async function addComment(actor: Actor, articleId: string, input: unknown): Promise<Result<{ id: string; version: number }>> {
  const parsed = parseInput(CommentInput, input);
  if (!parsed.ok) return parsed;
  const { body, expectedVersion, parentId, anchor } = parsed.data;
  return transactionFor(actor.schoolId, async (tx) => {
    const locked = await lockDiscussableArticle(tx, actor, articleId);
    if (!locked.ok) return locked;
    const article = locked.data;
    if (parentId && !(await tx.comment.findFirst({ where: { id: parentId, articleId, schoolId: actor.schoolId, parentId: null }, select: { id: true } }))) {
      return missing('thread');
    }
    const id = `c${randomBytes(10).toString('hex')}`;
    let version = article.version;
    if (anchor) {
      if (article.version !== expectedVersion) return fail(409, 'The article changed since you opened it. Reload, then select the words again.');
      const anchored = addCommentAnchor(article.body as ArticleDoc, anchor, id);
      if (!anchored.ok) return fail(422, anchored.error, { anchor: anchored.error });
      version = (await tx.article.update({ where: { id: article.id }, data: { body: anchored.doc, version: { increment: 1 } }, select: { version: true } })).version;
    }
    await tx.comment.create({
      data: { id, schoolId: actor.schoolId, articleId, authorId: actor.membershipId, parentId: parentId ?? null, anchorId: anchor ? id : null, quotedText: anchor?.quotedText ?? null, body },
    });
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { id: true, slug: true, newspaperName: true } });
    const others = authorIds(article).filter((memberId) => memberId !== actor.membershipId);
    await notify(tx, school, others, { kind: 'comment', articleId, message: `${actor.displayName} commented on “${article.headline || 'Untitled draft'}”.`, link: `/newsroom/articles/${articleId}` });
    return ok({ id, version });
  });
}

/** Resolves a thread; its anchor leaves the text. */
export async function resolveComment(actor: Actor, articleId: string, commentId: string): Promise<Result<{ version: number }>> {
  return transactionFor(actor.schoolId, async (tx) => {
    const locked = await lockDiscussableArticle(tx, actor, articleId);
    if (!locked.ok) return locked;
    const comment = await tx.comment.findFirst({ where: { id: commentId, articleId, schoolId: actor.schoolId, parentId: null }, select: { id: true, anchorId: true, resolvedAt: true } });
    if (!comment) return missing('comment');
    if (comment.resolvedAt) return fail(409, 'That thread is already resolved.');
    await tx.comment.update({ where: { id: comment.id }, data: { resolvedAt: new Date(), resolvedById: actor.membershipId } });
    let version = locked.data.version;
    if (comment.anchorId) {
      const body = withoutCommentAnchors(locked.data.body as ArticleDoc, (anchorId) => anchorId === comment.anchorId);
      version = (await tx.article.update({ where: { id: articleId }, data: { body, version: { increment: 1 } }, select: { version: true } })).version;
    }
    return ok({ version });
  });
}

export async function listComments(actor: Actor, articleId: string) {
  const rows = await dbFor(actor.schoolId).comment.findMany({
    where: { schoolId: actor.schoolId, articleId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, parentId: true, anchorId: true, quotedText: true, body: true, authorId: true, resolvedAt: true, createdAt: true },
  });
  const names = await displayNames(
    actor.schoolId,
    rows.map((row) => row.authorId),
  );
  const threads = rows.filter((row) => !row.parentId).map((row) => ({ ...row, author: names.get(row.authorId) ?? 'Former member', replies: [] as typeof replies }));
  const replies = rows.filter((row) => row.parentId).map((row) => ({ ...row, author: names.get(row.authorId) ?? 'Former member' }));
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  for (const reply of replies) byId.get(reply.parentId!)?.replies.push(reply);
  return threads;
}

export async function displayNames(schoolId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const members = await dbFor(schoolId).membership.findMany({ where: { schoolId, id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(members.map((member) => [member.id, member.displayName]));
}
