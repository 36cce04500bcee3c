// Reader search within one school: PostgreSQL full-text search over published revisions, ranked,
// with highlighted snippets and filters by section and issue.
import { z } from 'zod';
import { queryParams } from '../result.ts';
import { Prisma, dbFor } from '../db.ts';

// Highlight markers that cannot occur in text: the snippet is split on them and rendered as
// elements, so nothing a reporter wrote is ever interpreted as markup.
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const SearchQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  section: z.string().max(60).optional().catch(undefined),
  issue: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100).catch(1),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export interface SearchHit {
  id: string;
  slug: string;
  headline: string;
  deck: string;
  section: string | null;
  publishedAt: Date;
  snippet: string;
  rank: number;
}

export const SEARCH_PAGE_SIZE = 20;

export async function searchArticles(schoolId: string, rawQuery: unknown): Promise<{ query: SearchQuery; hits: SearchHit[] }> {
  const query = SearchQuery.parse(queryParams(rawQuery));
  if (!query.q) return { query, hits: [] };
  const section = query.section ? Prisma.sql`AND s.slug = ${query.section}` : Prisma.empty;
  const issue = query.issue
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM edition_articles ea WHERE ea."schoolId" = a."schoolId" AND ea."articleId" = a.id AND ea."editionId" = ${query.issue})`
    : Prisma.empty;
  const hits = await dbFor(schoolId).$queryRaw<SearchHit[]>`
    SELECT a.id, a.slug, r.headline, r.deck, s.name AS section, a."publishedAt",
           ts_rank_cd(a."searchVector", q) AS rank,
           ts_headline('english', r."bodyText", q, ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … "`}) AS snippet
    FROM articles a
    JOIN article_revisions r ON r.id = a."publishedRevisionId"
    LEFT JOIN sections s ON s.id = a."sectionId" AND s."schoolId" = a."schoolId",
         websearch_to_tsquery('english', ${query.q}) q
    WHERE a."schoolId" = ${schoolId} AND a."searchVector" @@ q ${section} ${issue}
    ORDER BY rank DESC, a."publishedAt" DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(query.page - 1) * SEARCH_PAGE_SIZE}`;
  return { query, hits: hits.map((hit) => ({ ...hit, rank: Number(hit.rank) })) };
}

/** A snippet as text runs, each marked or not: render the marked ones as <mark>. */
export function snippetParts(snippet: string): { text: string; highlighted: boolean }[] {
  const parts: { text: string; highlighted: boolean }[] = [];
  for (const piece of snippet.split(HIGHLIGHT_START)) {
    const [marked, rest] = piece.includes(HIGHLIGHT_END) ? piece.split(HIGHLIGHT_END, 2) : [null, piece];
    if (marked) parts.push({ text: marked, highlighted: true });
    if (rest) parts.push({ text: rest, highlighted: false });
  }
  return parts;
}
