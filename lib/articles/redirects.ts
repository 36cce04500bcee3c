// Old addresses of articles (an imported WordPress permalink, a "?p=123" link): the proxy answers
// them with a 301 to the article, so links and search results from before a move keep working.
import { PLATFORM, dbFor } from '../db.ts';
import { oldAddressUnder } from '../routes.ts';

/** An old address as it is stored and looked up: the path lower-case without a trailing slash, and
 * of the query only WordPress's own id links ("?p=123", "?page_id=7"). Null for a bare "/". */
export function redirectKey(pathname: string, search = ''): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  path = path.toLowerCase().replace(/\/+$/, '');
  const id = /[?&](p|page_id)=(\d+)/.exec(search);
  if (id) return `${path}/?${id[1]}=${id[2]}`;
  return path === '' ? null : path;
}

/** What the proxy looks up among a school's old addresses before it shows the page: an address that
 * is none of the school's pages, or the front page with WordPress's "?p=123". Null for the rest. */
export function oldAddressKey(schoolPath: string, school: string, search: string): string | null {
  const old = oldAddressUnder(schoolPath, school) ?? (schoolPath === `/${school}` ? '/' : null);
  return old === null ? null : redirectKey(old, search);
}

/** The article an old address of this school leads to, as its reader path, or null. */
export async function findRedirect(schoolSlug: string, key: string): Promise<string | null> {
  // One statement, like unpublishedArticle beside it in the proxy: the school by its address.
  const found = await dbFor(PLATFORM).articleRedirect.findFirst({
    where: { path: key, school: { slug: schoolSlug } },
    select: { article: { select: { slug: true, publishedRevisionId: true } } },
  });
  // Only to what readers can open: a draft's old address stays not found until it is published.
  return found?.article.publishedRevisionId ? `/articles/${found.article.slug}` : null;
}
