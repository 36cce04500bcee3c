// The newsroom's view of articles: always within the actor's school.
import { db } from '../db.ts';
import type { Actor } from '../auth/actor.ts';

export async function listNewsroomArticles(actor: Actor) {
  return db.article.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { updatedAt: 'desc' },
    take: 100,
    select: { id: true, headline: true, status: true, updatedAt: true, section: { select: { name: true } } },
  });
}

/** One article of the actor's school; null for an article of another school (answer 404). */
export async function getNewsroomArticle(actor: Actor, articleId: string) {
  return db.article.findFirst({
    where: { id: articleId, schoolId: actor.schoolId },
    select: { id: true, headline: true, deck: true, status: true, version: true, body: true, updatedAt: true, section: { select: { name: true } } },
  });
}
