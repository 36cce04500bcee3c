// What readers can find a live article by, kept on the article: the search index of its published
// revision's headline (weight A), deck (B) and text (C), and the members its byline credits
// (reporter pages); nothing while no revision is live. Written in the transaction that changes
// what is live, so search and reporter pages never show what readers cannot open.
import type { Prisma } from '../db.ts';

export async function refreshReaderIndex(tx: Prisma.TransactionClient, articleIds: string | readonly string[]): Promise<void> {
  const ids = typeof articleIds === 'string' ? [articleIds] : [...articleIds];
  if (ids.length === 0) return;
  // Each article's published revision is read once, for both (byline_member_ids: the
  // reporter_pages_by_byline migration); an article with none gets no index and no credits.
  await tx.$executeRaw`
    UPDATE articles a SET
      "searchVector" = setweight(to_tsvector('english', r.headline), 'A')
          || setweight(to_tsvector('english', r.deck), 'B')
          || setweight(to_tsvector('english', r."bodyText"), 'C'),
      "publishedBylineMemberIds" = coalesce(byline_member_ids(r.bylines), ARRAY[]::text[])
    FROM articles live LEFT JOIN article_revisions r ON r.id = live."publishedRevisionId"
    WHERE live.id = a.id AND a.id = ANY(${ids}::text[])`;
}
