// Small builders for test data, in one place.
import { platformDb as db } from '../lib/db.ts';
import { actorInSchool, type Actor } from '../lib/auth/actor.ts';

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
