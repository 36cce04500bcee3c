// Revisions: snapshots of the working copy. Autosaves by one person within a short window extend
// the same revision, so a long writing session is a handful of rows, not thousands.
import type { Actor } from '../auth/actor.ts';
import { type Prisma, transactionFor } from '../db.ts';
import { docToPlainText, type ArticleDoc } from '../content/document.ts';
import { fail, ok } from '../result.ts';
import { loadEditableArticle } from './access.ts';
import { bylineSnapshot, type StoredByline } from './bylines.ts';
import { contentHash, type ArticleContentWithImage } from './content-hash.ts';
import { featuredImageColumn, storedFeaturedImage } from './featured-image.ts';

export const COALESCE_WINDOW_MS = 10 * 60 * 1000;

export type RevisionKindInput = 'AUTOSAVE' | 'MANUAL' | 'RESTORE' | 'IMPORT';

interface RecordRevision {
  articleId: string;
  content: ArticleContentWithImage & { body: ArticleDoc };
  bylines: readonly StoredByline[];
  kind: RevisionKindInput;
  coalesce: boolean;
  /** Revisions an approval or the live page points at: never rewritten in place. */
  protectedIds?: (string | null)[];
}

/** What a revision keeps of the working copy. */
export function revisionSnapshot(content: ArticleContentWithImage & { body: ArticleDoc }, bylines: readonly StoredByline[]) {
  return {
    headline: content.headline,
    deck: content.deck,
    body: content.body,
    bodyText: docToPlainText(content.body),
    sectionId: content.sectionId,
    tags: content.tags,
    featuredImage: featuredImageColumn(storedFeaturedImage(content.featuredImage)),
    bylines: bylineSnapshot(bylines),
    contentHash: contentHash(content),
  };
}

export async function recordRevision(tx: Prisma.TransactionClient, actor: Actor, revision: RecordRevision): Promise<{ id: string; number: number }> {
  const { articleId, content, bylines, kind } = revision;
  const snapshot = revisionSnapshot(content, bylines);
  const latest = await tx.articleRevision.findFirst({
    where: { schoolId: actor.schoolId, articleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, kind: true, authorId: true, createdAt: true },
  });
  const extendsLatest =
    revision.coalesce &&
    latest !== null &&
    latest.kind === 'AUTOSAVE' &&
    latest.authorId === actor.membershipId &&
    Date.now() - latest.createdAt.getTime() < COALESCE_WINDOW_MS &&
    !(revision.protectedIds ?? []).includes(latest.id);
  if (extendsLatest) {
    return tx.articleRevision.update({ where: { id: latest.id }, data: snapshot, select: { id: true, number: true } });
  }
  return tx.articleRevision.create({
    data: { schoolId: actor.schoolId, articleId, number: (latest?.number ?? 0) + 1, kind, authorId: actor.membershipId, ...snapshot },
    select: { id: true, number: true },
  });
}

export function listRevisions(actor: Actor, articleId: string) {
  return transactionFor(actor.schoolId, (tx) => revisionList(tx, actor, articleId));
}

async function revisionList(tx: Prisma.TransactionClient, actor: Actor, articleId: string) {
  const article = await loadEditableArticle(tx, actor, articleId);
  if (!article.ok) return article;
  const revisions = await tx.articleRevision.findMany({
    where: { schoolId: actor.schoolId, articleId },
    orderBy: { number: 'desc' },
    select: { id: true, number: true, kind: true, headline: true, bodyText: true, authorId: true, createdAt: true, updatedAt: true },
  });
  const authorIds = [...new Set(revisions.flatMap((revision) => (revision.authorId ? [revision.authorId] : [])))];
  const authors = await tx.membership.findMany({ where: { schoolId: actor.schoolId, id: { in: authorIds } }, select: { id: true, displayName: true } });
  const nameOf = new Map(authors.map((author) => [author.id, author.displayName]));
  return ok({
    article: article.data,
    revisions: revisions.map(({ bodyText, authorId, ...revision }) => ({
      ...revision,
      author: authorId ? (nameOf.get(authorId) ?? 'Former member') : 'Masthead',
      words: bodyText.split(/\s+/).filter(Boolean).length,
      live: revision.id === article.data.publishedRevisionId,
    })),
  });
}

const revisionFields = {
  id: true,
  number: true,
  kind: true,
  headline: true,
  deck: true,
  body: true,
  bodyText: true,
  sectionId: true,
  tags: true,
  featuredImage: true,
  bylines: true,
  createdAt: true,
  updatedAt: true,
} as const;

export function getRevisions(actor: Actor, articleId: string, numbers: number[]) {
  return transactionFor(actor.schoolId, async (tx) => {
    const article = await loadEditableArticle(tx, actor, articleId);
    if (!article.ok) return article;
    const rows = await tx.articleRevision.findMany({ where: { schoolId: actor.schoolId, articleId, number: { in: numbers } }, select: revisionFields });
    const byNumber = new Map(rows.map((row) => [row.number, row]));
    const missing = numbers.find((number) => !byNumber.has(number));
    if (missing !== undefined) return fail(404, `Revision ${missing} of this article was not found.`);
    return ok(numbers.map((number) => byNumber.get(number)!));
  });
}
