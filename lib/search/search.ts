// Reader search within one school: PostgreSQL full-text search over published revisions, ranked,
// with highlighted snippets and filters by section, volume and issue.
import { z } from 'zod';
import { queryParams } from '../result.ts';
import { Prisma, rawReadFor } from '../db.ts';
import { readerCacheOf, type CacheScope } from '../tenants/reader-cache.ts';

// Highlight markers that cannot occur in text: the snippet is split on them and rendered as
// elements, so nothing a reporter wrote is ever interpreted as markup.
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const SearchQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  section: z.string().max(60).optional().catch(undefined),
  issue: z.string().max(40).optional().catch(undefined),
  volume: z.coerce.number().int().min(1).max(9999).optional().catch(undefined),
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
// Ranking reads each match's whole search vector, so a query that matches most of a long archive
// ("school board") would rank thousands of stories on every search. Matches are ranked among the
// most recent SEARCH_CANDIDATES of them instead: a broad query gets the most relevant of ten pages
// of recent stories, a narrow one (the usual kind) has fewer matches than that and is ranked whole.
// Reading and decompressing the vectors is most of a broad search's time: with 500 candidates the
// search statement took 15 ms for a query matching most of a school's 500 stories, with 200 it
// takes 10.5 (and over ten schools at 100,000 articles, p50 13.4 → 11.7 ms, p95 34.5 → 31.6).
export const SEARCH_CANDIDATES = 200;
// Highlighting parses and stems the text it is given, which for a whole story costs as much as
// indexing it, twenty times per search. So the snippet is made from a window of the text from a
// little before the first of the searched words to a little after the last of their first
// appearances (found by a plain substring search for each word's stem-like prefix), or from the
// opening where they do not appear: 600 to 1,500 characters, room for the two fragments of up to
// 30 words a snippet shows. With a window of 1,500 characters always, the statement of a broad
// search in a 5,000-story paper took 11.1 ms; with this one, 10.0.
const SNIPPET_WINDOW = { least: 600, most: 1500 };
const SNIPPET_LEAD_IN = 200;

/** What to look for in the text to place the snippet's window: each word of the query, lower-cased
 * and cut to a prefix its inflections share ("libraries" → "librari", found in "library" too…
 * roughly: this only places the window; PostgreSQL still decides what is highlighted). */
export function snippetLocators(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((word) => word.length >= 3).map((word) => (word.length >= 6 ? word.slice(0, word.length - 2) : word)))].slice(0, 8);
}

// Answers are kept like the pages' data, until the school's next change readers can see: a paper's
// readers ask the same few things (the game, the play, the election), and each of those is a
// statement of about 10 ms in a long archive. Readers choose the questions, so they have a cache of
// their own, which a stream of different questions cannot use to push out the pages' data: at
// most about 20 kB an answer, 1,000 answers.
const cachedSearch = readerCacheOf(1000);

export async function searchArticles(school: CacheScope, rawQuery: unknown): Promise<{ query: SearchQuery; hits: SearchHit[] }> {
  const query = SearchQuery.parse(queryParams(rawQuery));
  if (!query.q) return { query, hits: [] };
  const hits = await cachedSearch(school, searchKey(query), async () => {
    const rows = await rawReadFor<SearchHit>(school.id, searchStatement(school.id, query));
    return rows.map((hit) => ({ ...hit, rank: Number(hit.rank) }));
  });
  return { query, hits };
}

/** One key for the questions with the same answer: what is searched for ignores case and spacing
 * (the search and its highlighting do), the filters and page are as given. */
function searchKey(query: SearchQuery): string {
  return JSON.stringify([query.q.toLowerCase().replace(/\s+/g, ' '), query.section ?? null, query.issue ?? null, query.volume ?? null, query.page]);
}

/** The one statement a search is: the school's matching stories, the most recent
 * SEARCH_CANDIDATES of them ranked, one page of those with their snippets. */
function searchStatement(schoolId: string, query: SearchQuery): Prisma.Sql {
  const section = query.section ? Prisma.sql`AND a."sectionId" IN (SELECT id FROM sections WHERE "schoolId" = ${schoolId} AND slug = ${query.section})` : Prisma.empty;
  const issue = query.issue
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM edition_articles ea WHERE ea."schoolId" = a."schoolId" AND ea."articleId" = a.id AND ea."editionId" = ${query.issue})`
    : Prisma.empty;
  const volume = query.volume
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM edition_articles ea JOIN editions e ON e."schoolId" = ea."schoolId" AND e.id = ea."editionId"
                 WHERE ea."schoolId" = a."schoolId" AND ea."articleId" = a.id AND e.volume = ${query.volume} AND e.status = 'PUBLISHED')`
    : Prisma.empty;
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query.q}) AS q),
    candidates AS (
      SELECT a.id, a.slug, a."sectionId", a."publishedAt", a."publishedRevisionId", a."searchVector"
      FROM articles a, q
      WHERE a."schoolId" = ${schoolId} AND a."searchVector" @@ q.q ${section} ${issue} ${volume}
      ORDER BY a."publishedAt" DESC NULLS LAST
      LIMIT ${SEARCH_CANDIDATES}
    ),
    ranked AS (
      SELECT c.id, c.slug, c."sectionId", c."publishedAt", c."publishedRevisionId", ts_rank_cd(c."searchVector", q.q) AS rank
      FROM candidates c, q
      ORDER BY rank DESC, c."publishedAt" DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(query.page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT ranked.id, ranked.slug, r.headline, r.deck, s.name AS section, ranked."publishedAt", ranked.rank,
           ts_headline('english', substr(r."bodyText", greatest(1, coalesce(w.first, 1) - ${SNIPPET_LEAD_IN}), least(${SNIPPET_WINDOW.most}, greatest(${SNIPPET_WINDOW.least}, coalesce(w.last - w.first, 0) + 2 * ${SNIPPET_LEAD_IN}))), q.q, ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … "`}) AS snippet
    FROM ranked
    JOIN article_revisions r ON r.id = ranked."publishedRevisionId"
    LEFT JOIN sections s ON s.id = ranked."sectionId" AND s."schoolId" = ${schoolId}
    -- Lower-cased once per story, not once per word (OFFSET 0 keeps the planner from inlining it).
    CROSS JOIN LATERAL (SELECT lower(r."bodyText") AS text OFFSET 0) body
    CROSS JOIN LATERAL (SELECT min(nullif(strpos(body.text, locator), 0)) AS first, max(nullif(strpos(body.text, locator), 0)) AS last FROM unnest(${snippetLocators(query.q)}::text[]) AS locator) w,
         q
    ORDER BY ranked.rank DESC, ranked."publishedAt" DESC`;
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
