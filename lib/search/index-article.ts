// What readers can find a live article by, kept on the article: the search index of its published
// revision's headline (weight A), deck (B) and text (C), and the members its byline credits
// (reporter pages); nothing while no revision is live. Written in the transaction that changes
// what is live, so search and reporter pages never show what readers cannot open.
import type { Prisma } from '../db.ts';

export async function refreshReaderIndex(tx: Prisma.TransactionClient, articleIds: string | readonly string[]): Promise<void> {
  const ids = typeof articleIds === 'string' ? [articleIds] : [...articleIds];
  if (ids.length === 0) return;
  // byline_member_ids: the reporter_pages_by_byline migration.
  await tx.$executeRaw`
    UPDATE articles a SET
      "searchVector" = (
        SELECT setweight(to_tsvector('english', r.headline), 'A')
            || setweight(to_tsvector('english', r.deck), 'B')
            || setweight(to_tsvector('english', r."bodyText"), 'C')
        FROM article_revisions r WHERE r.id = a."publishedRevisionId"),
      "publishedBylineMemberIds" = coalesce((SELECT byline_member_ids(r.bylines) FROM article_revisions r WHERE r.id = a."publishedRevisionId"), ARRAY[]::text[])
    WHERE a.id = ANY(${ids}::text[])`;
}
