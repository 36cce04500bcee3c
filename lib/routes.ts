// The route table: one place that says what each address of the site is. The proxy (which paths
// are the platform's on every host, which pages are a school's reader pages), the page cache
// (what may be kept), and school creation (which names a school may not take) all read it.

/** Root paths that belong to the platform on every host, a school's own domain included: they are
 * never rewritten into a school and never cached. */
export const PLATFORM_ROOTS = ['api', '_next', 'signin', 'signout', 'forgot-password', 'reset-password', 'invitations', 'admin', 'dev', 'newsroom', 'favicon.ico', 'live-updates.js'] as const;

/** The one script a reader page may carry: a live story's updater (public/live-updates.js), which
 * shows new updates without a reload. Every other script is taken out of reader pages (lib/page-cache). */
export const LIVE_UPDATES_SCRIPT = '/live-updates.js';

/** Root names no school may take as its slug: the platform's paths, and names a school address
 * would be mistaken for (a school called "www" or "robots.txt" would shadow the site's own). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set<string>([...PLATFORM_ROOTS, 'static', 'www', 'robots.txt', 'sitemap.xml']);

/** The parts of a school's site, by the segment after its slug. */
// Readers' forms are per visitor, never kept: requests to correct, anonymize or remove a story,
// comments (writing, confirming, reporting) and the newsletter (signing up, confirming, leaving).
const SCHOOL_AREAS = { newsroom: 'newsroom', media: 'media', requests: 'requests', comments: 'comments', newsletter: 'newsletter' } as const;
export type SchoolArea = 'reader' | (typeof SCHOOL_AREAS)[keyof typeof SCHOOL_AREAS];

function segments(pathname: string): string[] {
  return pathname.split('?')[0]!.split('/').filter(Boolean);
}

/** True for the platform's own paths ("/signin", "/api/…", "/_next/…"), served alike on every host. */
export function isPlatformPath(pathname: string): boolean {
  const first = segments(pathname)[0];
  return first !== undefined && (PLATFORM_ROOTS as readonly string[]).includes(first);
}

/** Which school a path is under and which part of its site: reader pages (front page, sections,
 * articles, issues, staff, search, feeds), the newsroom, or media files. Null for platform paths. */
export function schoolArea(pathname: string): { school: string; area: SchoolArea } | null {
  const [school, second] = segments(pathname);
  if (!school || RESERVED_SLUGS.has(school) || !/^[a-z0-9-]+$/.test(school)) return null;
  return { school, area: second && second in SCHOOL_AREAS ? SCHOOL_AREAS[second as keyof typeof SCHOOL_AREAS] : 'reader' };
}

/** The pages of a school's site by the segment after its slug (the front page has none): the
 * folders of app/(site)/[school] and the newsroom. Any other address under a school may be an old
 * one (an imported WordPress permalink), which lib/articles/redirects answers. */
export const SCHOOL_PAGES: ReadonlySet<string> = new Set([
  'articles',
  'sections',
  'issues',
  'staff',
  'search',
  'corrections',
  'sports',
  'feed.xml',
  'atom.xml',
  'podcast.xml',
  'podcast-cover.png',
  'sitemap.xml',
  'robots.txt',
  ...Object.keys(SCHOOL_AREAS),
]);

/** For a path under a school ("/ravens/2019/05/robotics/"), the part after the school when it is
 * none of the school's pages: an address to look up among old ones. Null for the school's pages. */
export function oldAddressUnder(pathname: string, school: string): string | null {
  const rest = pathname.slice(school.length + 1);
  const second = segments(rest)[0];
  return second === undefined || SCHOOL_PAGES.has(second) ? null : rest;
}

/** A school's reader page, the only kind of page the production server may keep and share. */
export function readerPageSchool(pathname: string): string | null {
  const found = schoolArea(pathname);
  return found?.area === 'reader' ? found.school : null;
}

/** An address on a school's own host ("/articles/x" on ravens.masthead.news) as the school's path
 * ("/ravens/articles/x"); a path already under the school stays as it is. */
export function schoolPathOf(school: string, pathname: string): string {
  return pathname === `/${school}` || pathname.startsWith(`/${school}/`) || pathname.startsWith(`/${school}?`) ? pathname : `/${school}${pathname === '/' ? '' : pathname}`;
}

/** A story's reader page ("/ravens/articles/robotics-wins") as its school and article slug. */
export function readerStory(pathname: string): { school: string; slug: string } | null {
  const parts = segments(pathname);
  if (parts.length !== 3 || parts[1] !== 'articles' || readerPageSchool(pathname) === null) return null;
  try {
    return { school: parts[0]!, slug: decodeURIComponent(parts[2]!) };
  } catch {
    return null;
  }
}

/** A newsroom page's address: `newsroomPath('lincoln-high', 'members')` → "/lincoln-high/newsroom/members". */
export function newsroomPath(schoolSlug: string, page = ''): string {
  return `/${schoolSlug}/${SCHOOL_AREAS.newsroom}${page ? `/${page}` : ''}`;
}
