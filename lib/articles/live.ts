// What must happen whenever readers' view of a school changes (an article goes live or leaves, a
// correction, an issue, a byline's name or bio): the search index follows, and the school's content
// version moves on, which retires every cached reader page of that school.
import type { Prisma } from '../db.ts';
import { refreshSearchVector } from '../search/index-article.ts';

export async function readersSeeChange(tx: Prisma.TransactionClient, schoolId: string, articleIds: readonly string[] = []): Promise<void> {
  for (const articleId of articleIds) await refreshSearchVector(tx, articleId);
  await tx.school.update({ where: { id: schoolId }, data: { contentVersion: { increment: 1 } } });
}
