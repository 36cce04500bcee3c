// A newsroom navigation entry and how the shell finds the one for the current page. Pure, so the
// browser's navigation component can use it.

export interface NewsroomLink {
  label: string;
  href: string;
  /** How the shell recognises the page it is on: the path, and a query parameter when one matters. */
  match: { path: string; query?: Record<string, string> };
}

/** The entry for the page at `path` with `query`: the most specific match wins (a filtered budget
 * over the plain one). */
export function currentNewsroomLink(links: NewsroomLink[], path: string, query: URLSearchParams): NewsroomLink | undefined {
  const matching = links.filter(
    (link) =>
      (link.match.path === path || (link.match.path !== links[0]?.match.path && path.startsWith(`${link.match.path}/`))) &&
      Object.entries(link.match.query ?? {}).every(([key, value]) => query.get(key) === value),
  );
  return matching.sort((a, b) => Object.keys(b.match.query ?? {}).length - Object.keys(a.match.query ?? {}).length)[0];
}
