// Replacing a person's name with a description ("a sophomore") everywhere readers and search
// engines can see it: in every story of the paper that names them — headline, deck, text, photo
// captions, credits and alt text, audio titles and transcripts, bylines, corrections and editor's
// notes, the address (slug) — and so in the feeds, sitemap, search index and snippets, JSON-LD and
// cached pages, which are all made from those. Each story gets a new revision (ANONYMIZED) that becomes the live one;
// the earlier revisions stay in the newsroom's history, and the decision records what changed.
import type { JSONContent } from '@tiptap/core';
import type { Actor } from '../auth/actor.ts';
import type { Prisma } from '../db.ts';
import { bylineRows, type StoredByline } from '../articles/bylines.ts';
import { contentHash } from '../articles/content-hash.ts';
import { readersSeeChange } from '../articles/live.ts';
import { revisionSnapshot } from '../articles/revisions.ts';
import { featuredImageColumn, storedFeaturedImage, type FeaturedImage } from '../articles/featured-image.ts';
import { slugify, uniqueArticleSlug } from '../articles/slugs.ts';
import { docToPlainText, type ArticleDoc } from '../content/document.ts';

/** The forms of the name to replace, longest first, so "Jane Doe" goes before "Doe". */
export function nameForms(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim().replace(/\s+/g, ' ')).filter((name) => name.length >= 2))].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each form of the name as a whole word, in any case ("DOE", "Doe's"), but not inside another
 * word ("Doerr"). */
function namePattern(forms: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map((form) => escapeRegExp(form).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export function replaceName(text: string, forms: readonly string[], replacement: string): string {
  return forms.length === 0 ? text : text.replace(namePattern(forms), replacement);
}

// An audio clip's title and transcript are text like any other.
const TEXT_ATTRIBUTES = ['alt', 'caption', 'credit', 'title', 'transcript'] as const;

function replaceInAttributes(attrs: Record<string, unknown>, forms: readonly string[], replacement: string): Record<string, unknown> {
  const copy = { ...attrs };
  for (const attribute of TEXT_ATTRIBUTES) if (typeof copy[attribute] === 'string') copy[attribute] = replaceName(copy[attribute] as string, forms, replacement);
  // A gallery's photos carry their own alt text, captions and credits.
  if (Array.isArray(copy.photos))
    copy.photos = copy.photos.map((photo: unknown) => (photo && typeof photo === 'object' ? replaceInAttributes(photo as Record<string, unknown>, forms, replacement) : photo));
  return copy;
}

/** The document with the name replaced in its text and in its photos' caption, credit and alt. */
export function replaceNameInDoc<T extends JSONContent>(node: T, forms: readonly string[], replacement: string): T {
  const copy: JSONContent = { ...node };
  if (typeof copy.text === 'string') copy.text = replaceName(copy.text, forms, replacement);
  if (copy.attrs) copy.attrs = replaceInAttributes(copy.attrs, forms, replacement);
  if (copy.content) copy.content = copy.content.map((child) => replaceNameInDoc(child, forms, replacement));
  return copy as T;
}

interface StoryContent {
  headline: string;
  deck: string;
  body: ArticleDoc;
  sectionId: string | null;
  tags: string[];
  featuredImage: FeaturedImage | null;
}

function replaceInContent(content: StoryContent, forms: readonly string[], replacement: string): StoryContent {
  return {
    ...content,
    headline: replaceName(content.headline, forms, replacement),
    deck: replaceName(content.deck, forms, replacement),
    body: replaceNameInDoc(content.body, forms, replacement),
    tags: content.tags.map((tag) => replaceName(tag, forms, replacement)),
    // A photo's caption, alt text and credit name people as often as the story does.
    featuredImage: content.featuredImage && {
      ...content.featuredImage,
      alt: replaceName(content.featuredImage.alt, forms, replacement),
      caption: replaceName(content.featuredImage.caption, forms, replacement),
      credit: replaceName(content.featuredImage.credit, forms, replacement),
    },
  };
}
/** The content a removal compares, and how the record names each. */
const FIELD_NAMES = { headline: 'headline', deck: 'deck', body: 'body', tags: 'tags', featuredImage: 'featured image' } as const;
const CONTENT_FIELDS = Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[];

/** A byline naming the person becomes a guest byline of the description. */
function replaceInBylines(bylines: readonly StoredByline[], memberNames: Map<string, string>, forms: readonly string[], replacement: string): StoredByline[] {
  const pattern = namePattern(forms);
  return bylines.map((byline) => {
    const name = byline.membershipId ? (memberNames.get(byline.membershipId) ?? '') : (byline.guestName ?? '');
    if (!name.match(pattern)) return byline;
    return { membershipId: null, guestName: replaceName(name, forms, replacement), title: byline.title };
  });
}

export interface AnonymizedStory {
  articleId: string;
  headline: string;
  /** Where the name was found: "headline", "body", "bylines", "slug", … */
  fields: string[];
  oldSlug: string;
  newSlug: string;
}

/** Replaces the name in every story of the actor's school that carries it; returns what changed.
 * The caller has checked the actor may decide, and records the decision. */
export async function anonymizeStories(tx: Prisma.TransactionClient, actor: Actor, names: readonly string[], replacement: string): Promise<AnonymizedStory[]> {
  const forms = nameForms(names);
  const { schoolId } = actor;
  const patterns = [...forms.map((form) => `%${form.replace(/[%_\\]/g, '\\$&')}%`), ...forms.map((form) => `%${slugify(form)}%`)];
  // Candidates by a plain text match (the word-boundary rule is applied below, in code).
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM articles a LEFT JOIN article_revisions r ON r.id = a."publishedRevisionId"
    WHERE a."schoolId" = ${schoolId} AND concat_ws(' ', a.slug, a.headline, a.deck, a.body::text, a.tags::text, a."featuredImage"::text, a."editorsNote",
      r.headline, r.deck, r.body::text, r.tags::text, r."featuredImage"::text, r.bylines::text,
      (SELECT string_agg(coalesce(b."guestName", m."displayName"), ' ') FROM bylines b LEFT JOIN memberships m ON m.id = b."membershipId" WHERE b."articleId" = a.id),
      (SELECT string_agg(c.note, ' ') FROM corrections c WHERE c."articleId" = a.id),
      (SELECT string_agg(d.path, ' ') FROM article_redirects d WHERE d."articleId" = a.id)) ILIKE ANY(${patterns}::text[])`;
  const members = await tx.membership.findMany({ where: { schoolId }, select: { id: true, displayName: true } });
  const memberNames = new Map(members.map((member) => [member.id, member.displayName]));
  const slugForms = forms.map(slugify).filter(Boolean);
  const slugHasName = (slug: string) => slugForms.some((form) => `-${slug}-`.includes(`-${form}-`));
  const changed: AnonymizedStory[] = [];

  for (const { id } of candidates) {
    const article = await tx.article.findUniqueOrThrow({
      where: { id },
      select: {
        slug: true,
        headline: true,
        deck: true,
        body: true,
        sectionId: true,
        tags: true,
        featuredImage: true,
        status: true,
        editorsNote: true,
        publishedRevision: { select: { headline: true, deck: true, body: true, sectionId: true, tags: true, featuredImage: true, bylines: true } },
        bylines: { orderBy: { position: 'asc' }, select: { membershipId: true, guestName: true, title: true } },
        corrections: { select: { id: true, note: true } },
      },
    });
    const fields = new Set<string>();
    const working: StoryContent = {
      headline: article.headline,
      deck: article.deck,
      body: article.body as ArticleDoc,
      sectionId: article.sectionId,
      tags: article.tags,
      featuredImage: storedFeaturedImage(article.featuredImage),
    };
    const newWorking = replaceInContent(working, forms, replacement);
    const newBylines = replaceInBylines(article.bylines, memberNames, forms, replacement);
    if (JSON.stringify(newBylines) !== JSON.stringify(article.bylines)) fields.add('bylines');
    for (const key of CONTENT_FIELDS) if (JSON.stringify(newWorking[key]) !== JSON.stringify(working[key])) fields.add(FIELD_NAMES[key]);

    let newSlug = article.slug;
    if (slugHasName(article.slug)) {
      newSlug = await uniqueArticleSlug(
        tx,
        schoolId,
        replaceName(
          article.slug.replace(/-/g, ' '),
          slugForms.map((form) => form.replace(/-/g, ' ')),
          replacement,
        ),
        id,
      );
      fields.add('slug');
    }
    const editorsNote = article.editorsNote === null ? null : replaceName(article.editorsNote, forms, replacement);
    if (editorsNote !== article.editorsNote) fields.add("editor's note");

    const live = article.publishedRevision;
    const liveBefore: StoryContent | null = live ? { ...live, body: live.body as ArticleDoc, featuredImage: storedFeaturedImage(live.featuredImage) } : null;
    const liveContent = liveBefore ? replaceInContent(liveBefore, forms, replacement) : null;
    const liveBylines = live ? replaceInBylines(live.bylines as StoredByline[], memberNames, forms, replacement) : [];
    if (live && liveBefore && liveContent) {
      for (const key of CONTENT_FIELDS) if (JSON.stringify(liveContent[key]) !== JSON.stringify(liveBefore[key])) fields.add(FIELD_NAMES[key]);
      if (JSON.stringify(liveBylines) !== JSON.stringify(live.bylines)) fields.add('bylines');
    }
    for (const correction of article.corrections) {
      const note = replaceName(correction.note, forms, replacement);
      if (note !== correction.note) {
        await tx.correction.update({ where: { id: correction.id }, data: { note } });
        fields.add('corrections');
      }
    }
    // Old addresses (imported permalinks) that carry the name stop answering.
    const redirects = await tx.articleRedirect.deleteMany({ where: { schoolId, articleId: id, OR: slugForms.map((form) => ({ path: { contains: form } })) } });
    if (redirects.count > 0) fields.add('old addresses');
    // A plain-text match that is no whole-word match ("Doerr" for "Doe") changes nothing.
    if (fields.size === 0) continue;

    // The live story: a new revision with the name replaced becomes what readers see.
    let published: { revisionId: string; hash: string } | null = null;
    if (liveContent) {
      const last = await tx.articleRevision.findFirst({ where: { schoolId, articleId: id }, orderBy: { number: 'desc' }, select: { number: true } });
      const revision = await tx.articleRevision.create({
        data: { schoolId, articleId: id, number: (last?.number ?? 0) + 1, kind: 'ANONYMIZED', authorId: actor.membershipId, ...revisionSnapshot(liveContent, liveBylines) },
        select: { id: true },
      });
      published = { revisionId: revision.id, hash: contentHash(liveContent) };
    }
    await tx.article.update({
      where: { id },
      data: {
        ...newWorking,
        featuredImage: featuredImageColumn(newWorking.featuredImage),
        bodyText: docToPlainText(newWorking.body),
        slug: newSlug,
        editorsNote,
        version: { increment: 1 },
        // A changed page (and a new modification date) is what asks search engines to crawl it again.
        ...(published ? { publishedRevisionId: published.revisionId, approvedRevisionId: published.revisionId, approvedContentHash: published.hash, publishedAt: new Date() } : {}),
      },
    });
    if (fields.has('bylines')) {
      await tx.byline.deleteMany({ where: { schoolId, articleId: id } });
      await tx.byline.createMany({ data: bylineRows(schoolId, id, newBylines) });
    }
    await tx.workflowEvent.create({
      data: {
        schoolId,
        articleId: id,
        actorId: actor.membershipId,
        actorRole: actor.role,
        action: 'anonymize',
        toStatus: article.status,
        revisionId: published?.revisionId ?? null,
        comment: `A name was replaced with “${replacement}” on a reader’s request (in: ${[...fields].join(', ')}).`,
      },
    });
    changed.push({ articleId: id, headline: newWorking.headline, fields: [...fields], oldSlug: article.slug, newSlug });
  }
  await readersSeeChange(
    tx,
    schoolId,
    changed.map((story) => story.articleId),
  );
  return changed;
}
