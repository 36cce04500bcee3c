// Absolute addresses of a school's public pages, for canonical links, feeds and sitemaps. With a
// root domain configured, schools live on their subdomain; otherwise under the site's own origin.
export function siteOrigin(): string {
  return (process.env.MASTHEAD_PUBLIC_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}

export function schoolUrl(school: { slug: string }, path = ''): string {
  const root = process.env.MASTHEAD_ROOT_DOMAIN;
  return root ? `https://${school.slug}.${root}${path}` : `${siteOrigin()}/${school.slug}${path}`;
}

/** An upload's public address (/<school>/media/<file>) made absolute, for link previews and feeds. */
export function schoolMediaUrl(school: { slug: string }, src: string): string {
  return schoolUrl(school, src.slice(src.indexOf('/media/')));
}
