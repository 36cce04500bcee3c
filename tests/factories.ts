// Small builders for test data, in one place.
import { platformDb as db } from '../lib/db.ts';
import { actorInSchool, type Actor } from '../lib/auth/actor.ts';
import { createDraft, saveDraft } from '../lib/articles/index.ts';
import { contentHash } from '../lib/articles/content-hash.ts';
import { transition } from '../lib/workflow/index.ts';
import type { JSONContent } from '@tiptap/core';

export async function actorByEmail(email: string, schoolSlug: string): Promise<Actor | null> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const school = await db.school.findUniqueOrThrow({ where: { slug: schoolSlug } });
  return actorInSchool(user.id, school);
}

export async function schoolBySlug(slug: string) {
  return db.school.findUniqueOrThrow({ where: { slug } });
}

export async function tableCounts(): Promise<Record<string, number>> {
  const [schools, users, memberships, sections, articles, revisions, bylines, events, editions, editionItems, domains] = await Promise.all([
    db.school.count(),
    db.user.count(),
    db.membership.count(),
    db.section.count(),
    db.article.count(),
    db.articleRevision.count(),
    db.byline.count(),
    db.workflowEvent.count(),
    db.edition.count(),
    db.editionArticle.count(),
    db.schoolDomain.count(),
  ]);
  return { schools, users, memberships, sections, articles, revisions, bylines, events, editions, editionItems, domains };
}

export async function seededActors() {
  const actor = async (email: string, school: string) => (await actorByEmail(email, school))!;
  return {
    andrew: await actor('andrew.choi@canyoncrest.example', 'canyon-crest'),
    jordan: await actor('jordan.reyes@canyoncrest.example', 'canyon-crest'),
    editor: await actor('editor@canyoncrest.example', 'canyon-crest'),
    adviser: await actor('adviser@canyoncrest.example', 'canyon-crest'),
    lincolnAdviser: await actor('adviser@lincoln.example', 'lincoln-high'),
  };
}

/** A small valid article body: paragraphs of the given texts. */
export function docOf(...paragraphs: string[]) {
  return { type: 'doc' as const, content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

const WORDS = 'Students packed the auditorium on Thursday night to hear the candidates answer questions about parking, lunch lines and the new schedule. '.split(' ');

/** A paragraph of `count` words, enough to pass a school's minimum-words rule. */
export function wordsOf(count: number, seed = ''): string {
  return Array.from({ length: count }, (_, index) => WORDS[index % WORDS.length] || 'news').join(' ') + seed;
}

/** A story by `author` published through the workflow (approved as is, published by `adviser`),
 * with these paragraphs and enough words to pass the checklist; a guest photographer if named, and
 * other blocks (audio, a gallery) after the text if given. */
export async function publishedStory(author: Actor, adviser: Actor, headline: string, deck: string, paragraphs: string[], guest?: string, blocks: JSONContent[] = []) {
  const bylines = [
    { membershipId: author.membershipId, guestName: null, title: 'Student Reporter' as const },
    ...(guest ? [{ membershipId: null, guestName: guest, title: 'Photographer' as const }] : []),
  ];
  const created = await createDraft(author, { headline, bylines });
  if (!created.ok) throw new Error(created.error);
  const saved = await saveDraft(author, created.data.id, {
    headline,
    deck,
    sectionId: null,
    tags: [],
    bylines,
    expectedVersion: created.data.version,
    body: { type: 'doc', content: [...docOf(...paragraphs, wordsOf(160)).content, ...blocks] },
    checkpoint: true,
  });
  if (!saved.ok) throw new Error(saved.error);
  const article = await db.article.findUniqueOrThrow({ where: { id: created.data.id } });
  const latest = await db.articleRevision.findFirstOrThrow({ where: { articleId: article.id }, orderBy: { number: 'desc' } });
  const approved = await db.article.update({ where: { id: article.id }, data: { status: 'APPROVED', approvedRevisionId: latest.id, approvedContentHash: contentHash(article) } });
  const published = await transition(adviser, article.id, { action: 'publish', expectedVersion: approved.version });
  if (!published.ok) throw new Error(published.error);
  return db.article.findUniqueOrThrow({ where: { id: article.id } });
}

/** The adviser of a school of their own, made for one test: lists that must be long (hundreds of
 * issues, thousands of stories) are grown there rather than in the demo school others share. */
export async function adviserOfNewSchool(name: string): Promise<Actor> {
  const slug = `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const school = await db.school.create({ data: { slug, name: `${name} High`, newspaperName: `The ${name} Times` } });
  const user = await db.user.create({ data: { email: `adviser@${slug}.test`, name: `${name} Adviser` } });
  await db.membership.create({ data: { schoolId: school.id, userId: user.id, role: 'ADVISER', slug: 'adviser', displayName: `${name} Adviser` } });
  return (await actorInSchool(user.id, school))!;
}
