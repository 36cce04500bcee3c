// Drafting: creating an article and saving the working copy. Saves carry the version they started
// from; a save from a stale version is refused with the server's copy, so nobody's text is
// overwritten unseen. Every save that changes something is kept as a revision.
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import { type Prisma, transactionFor } from '../db.ts';
import { checkArticleDoc, docToPlainText, emptyDoc, type ArticleDoc } from '../content/document.ts';
import { openSuggestions } from '../content/suggestions.ts';
import { fail, ok, parseInput, type Failure, type Result } from '../result.ts';
import { loadEditableArticle, type EditableArticle } from './access.ts';
import { BylineList, bylineErrors, bylineSnapshot, replaceBylines, sameBylines, type BylineEntry, type StoredByline } from './bylines.ts';
import { contentHash } from './content-hash.ts';
import { FeaturedImageInput, featuredImageColumn, resolveFeaturedImage, storedFeaturedImage, type FeaturedImage } from './featured-image.ts';
import { getRevisions, recordRevision, type RevisionKindInput } from './revisions.ts';
import { uniqueArticleSlug } from './slugs.ts';
import { voidApprovalOnEdit } from '../workflow/void-approval.ts';

export const HEADLINE_HARD_LIMIT = 300;

const ArticleFields = z.object({
  // Stored exactly as typed: a save echoes the editor's state, so the editor can recognise its own
  // earlier save when it comes back in a conflict. Tidying happens at submission.
  headline: z.string().max(HEADLINE_HARD_LIMIT, `A headline can be at most ${HEADLINE_HARD_LIMIT} characters.`),
  deck: z.string().max(600, 'A deck can be at most 600 characters.'),
  sectionId: z.string().max(40).nullable(),
  tags: z
    .array(z.string().trim().min(1, 'A tag cannot be empty.').max(40, 'A tag can be at most 40 characters.'))
    .max(12, 'At most 12 tags.')
    .transform((tags) => [...new Set(tags)]),
  body: z.unknown(),
  bylines: BylineList,
  // Left out, the featured image stays as it is; null removes it (featured-image.ts).
  featuredImage: FeaturedImageInput.nullable().optional(),
});

export const SaveDraftInput = ArticleFields.extend({
  expectedVersion: z.number({ error: 'The save must say which version it started from.' }).int().positive(),
  // A reporter's explicit "save version" starts a new revision instead of extending the autosave one.
  checkpoint: z.boolean().default(false),
});
export type SaveDraftInput = z.input<typeof SaveDraftInput>;

export const CreateDraftInput = ArticleFields.partial();

/** The working copy as the editor shows it, and as a conflict reports it. */
export interface DraftSnapshot {
  version: number;
  headline: string;
  deck: string;
  sectionId: string | null;
  tags: string[];
  body: ArticleDoc;
  featuredImage: FeaturedImage | null;
  bylines: StoredByline[];
  updatedAt: string;
}

export interface SavedDraft {
  version: number;
  revisionNumber: number;
  savedAt: string;
  changed: boolean;
}

export type SaveResult = Result<SavedDraft, DraftSnapshot>;

export function draftSnapshot(article: Pick<EditableArticle, 'version' | 'headline' | 'deck' | 'sectionId' | 'tags' | 'body' | 'featuredImage' | 'bylines' | 'updatedAt'>): DraftSnapshot {
  return {
    version: article.version,
    headline: article.headline,
    deck: article.deck,
    sectionId: article.sectionId,
    tags: article.tags,
    body: article.body as ArticleDoc,
    featuredImage: storedFeaturedImage(article.featuredImage),
    bylines: bylineSnapshot(article.bylines),
    updatedAt: article.updatedAt.toISOString(),
  };
}

/** Checks that depend on the school's data: the section and the bylines must be this school's. */
async function schoolFieldErrors(tx: Prisma.TransactionClient, schoolId: string, fields: { sectionId?: string | null; bylines?: readonly BylineEntry[] }) {
  const errors: Record<string, string> = {};
  if (fields.sectionId) {
    const section = await tx.section.findFirst({ where: { id: fields.sectionId, schoolId }, select: { id: true } });
    if (!section) errors.sectionId = 'Choose one of this newspaper’s sections.';
  }
  return { ...errors, ...(fields.bylines ? await bylineErrors(tx, schoolId, fields.bylines) : {}) };
}

function checkedBody(body: unknown): Result<ArticleDoc> {
  const checked = checkArticleDoc(body);
  return checked.ok ? ok(checked.doc) : fail(422, 'The story body could not be saved.', { body: checked.error });
}

export async function createDraft(actor: Actor, input: unknown, options: { kind?: RevisionKindInput } = {}): Promise<Result<{ id: string; version: number }>> {
  const allowed = requirePermission(actor, 'article.create');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(CreateDraftInput, input ?? {});
  if (!parsed.ok) return parsed;
  const fields = parsed.data;
  const body = fields.body === undefined ? ok(emptyDoc()) : checkedBody(fields.body);
  if (!body.ok) return body;
  // Whoever starts a story is its first byline unless the bylines are given.
  const bylines = fields.bylines ?? [{ membershipId: actor.membershipId, guestName: null, title: 'Student Reporter' as const }];

  return transactionFor(actor.schoolId, async (tx) => {
    const featuredImage = await resolveFeaturedImage(tx, actor, fields.featuredImage, null);
    const errors = { ...(await schoolFieldErrors(tx, actor.schoolId, { sectionId: fields.sectionId, bylines })), ...(featuredImage.ok ? {} : featuredImage.fieldErrors) };
    if (Object.keys(errors).length > 0 || !featuredImage.ok) return fail(422, 'Some fields need attention.', errors);
    const content = { headline: fields.headline ?? '', deck: fields.deck ?? '', body: body.data, sectionId: fields.sectionId ?? null, tags: fields.tags ?? [], featuredImage: featuredImage.data };
    const article = await tx.article.create({
      data: {
        schoolId: actor.schoolId,
        slug: await uniqueArticleSlug(tx, actor.schoolId, content.headline, null),
        ...content,
        featuredImage: featuredImageColumn(content.featuredImage),
        bodyText: docToPlainText(content.body),
        createdById: actor.membershipId,
      },
      select: { id: true, version: true },
    });
    await replaceBylines(tx, actor.schoolId, article.id, bylines);
    await recordRevision(tx, actor, { articleId: article.id, content, bylines, kind: options.kind ?? 'MANUAL', coalesce: false });
    return ok(article);
  });
}

export async function saveDraft(actor: Actor, articleId: string, input: unknown, options: { kind?: 'RESTORE' } = {}): Promise<SaveResult> {
  const parsed = parseInput(SaveDraftInput, input);
  if (!parsed.ok) return parsed;
  const { expectedVersion, checkpoint, bylines, ...fields } = parsed.data;
  const body = checkedBody(fields.body);
  if (!body.ok) return body;

  return transactionFor(actor.schoolId, async (tx): Promise<SaveResult> => {
    const loaded = await loadEditableArticle(tx, actor, articleId, { forUpdate: true });
    if (!loaded.ok) return loaded;
    const article = loaded.data;
    if (article.version !== expectedVersion) {
      const conflict: Failure<DraftSnapshot> = {
        ok: false,
        status: 409,
        error: 'Someone saved this article after you opened it. Compare the two versions; nothing has been lost.',
        conflict: draftSnapshot(article),
      };
      return conflict;
    }
    // Only what this save changes is checked against the school (an autosave that changes neither
    // costs no query): a byline already on the story stays valid to keep, so a co-author who has
    // since left the paper does not make every save of the others' work fail.
    const bylinesChanged = !sameBylines(bylines, article.bylines);
    const featuredImage = await resolveFeaturedImage(tx, actor, fields.featuredImage, storedFeaturedImage(article.featuredImage));
    const errors = {
      ...(await schoolFieldErrors(tx, actor.schoolId, {
        sectionId: fields.sectionId === article.sectionId ? undefined : fields.sectionId,
        bylines: bylinesChanged ? bylines : undefined,
      })),
      ...(featuredImage.ok ? {} : featuredImage.fieldErrors),
    };
    if (Object.keys(errors).length > 0 || !featuredImage.ok) return fail(422, 'Some fields need attention.', errors);
    const content = { headline: fields.headline, deck: fields.deck, body: body.data, sectionId: fields.sectionId, tags: fields.tags, featuredImage: featuredImage.data };
    // A new suggestion is its writer's own: nobody files one in another person's name.
    const known = new Set(openSuggestions(article.body as ArticleDoc).map((suggestion) => suggestion.id));
    if (openSuggestions(content.body).some((suggestion) => !known.has(suggestion.id) && suggestion.authorId !== actor.membershipId))
      return fail(422, 'A new suggested edit must be your own.', { body: 'A new suggested edit must be your own.' });

    const unchanged = contentHash(content) === contentHash(article) && !bylinesChanged;
    if (unchanged && !checkpoint) {
      const latest = await tx.articleRevision.findFirst({ where: { schoolId: actor.schoolId, articleId }, orderBy: { number: 'desc' }, select: { number: true } });
      return ok({ version: article.version, revisionNumber: latest?.number ?? 0, savedAt: article.updatedAt.toISOString(), changed: false });
    }

    // The URL follows the headline until the story is first published; after that it is permanent.
    const slug = article.firstPublishedAt || content.headline === article.headline ? article.slug : await uniqueArticleSlug(tx, actor.schoolId, content.headline, articleId);
    const updated = await tx.article.update({
      where: { id: articleId },
      data: { ...content, featuredImage: featuredImageColumn(content.featuredImage), slug, bodyText: docToPlainText(content.body), version: { increment: 1 } },
      select: { version: true, updatedAt: true },
    });
    if (bylinesChanged) await replaceBylines(tx, actor.schoolId, articleId, bylines);
    if (!unchanged) await voidApprovalOnEdit(tx, actor, article);
    const revision = await recordRevision(tx, actor, {
      articleId,
      content,
      bylines,
      kind: options.kind ?? (checkpoint ? 'MANUAL' : 'AUTOSAVE'),
      coalesce: !checkpoint && !options.kind,
      protectedIds: [article.approvedRevisionId, article.publishedRevisionId],
    });
    return ok({ version: updated.version, revisionNumber: revision.number, savedAt: updated.updatedAt.toISOString(), changed: true });
  });
}

/** Makes an earlier revision the working copy again, as a new revision: nothing is thrown away. */
export async function restoreRevision(actor: Actor, articleId: string, number: number, expectedVersion: number): Promise<SaveResult> {
  const found = await getRevisions(actor, articleId, [number]);
  if (!found.ok) return found;
  const revision = found.data[0]!;
  const { headline, deck, body, sectionId, tags } = revision;
  const featuredImage = storedFeaturedImage(revision.featuredImage);
  return saveDraft(actor, articleId, { expectedVersion, headline, deck, body, sectionId, tags, featuredImage, bylines: revision.bylines, checkpoint: true }, { kind: 'RESTORE' });
}
