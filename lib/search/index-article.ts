// The search index of one article: its published revision's headline (weight A), deck (B) and
// text (C), or nothing while no revision is live. Written in the transaction that changes what is
// live, so search never shows what readers cannot open.
import type { Prisma } from '../db.ts';

export async function refreshSearchVector(tx: Prisma.TransactionClient, articleIds: string | readonly string[]): Promise<void> {
  const ids = typeof articleIds === 'string' ? [articleIds] : [...articleIds];
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE articles a SET "searchVector" = (
      SELECT setweight(to_tsvector('english', r.headline), 'A')
          || setweight(to_tsvector('english', r.deck), 'B')
          || setweight(to_tsvector('english', r."bodyText"), 'C')
      FROM article_revisions r WHERE r.id = a."publishedRevisionId")
    WHERE a.id = ANY(${ids}::text[])`;
}
