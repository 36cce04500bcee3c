// Maps school hosts onto the path-based routes: "ravens.masthead.news/articles/x" (or a school's
// custom domain) is served by "/ravens/articles/x". Path-based URLs need no lookup at all.
import { NextResponse, type NextRequest } from 'next/server';
import { classifyHost } from './lib/tenants/host.ts';
import { findSchoolSlugByCustomHost } from './lib/tenants/schools.ts';
import { unpublishedArticle } from './lib/articles/public.ts';
import { SCHOOL_HEADER } from './lib/page-cache/index.ts';
import { findRedirect, oldAddressKey } from './lib/articles/redirects.ts';
import { isPlatformPath, readerPageSchool, readerStory, schoolArea, schoolPathOf } from './lib/routes.ts';
import { newNonce, pagePolicy } from './lib/security/content-security-policy.ts';
import { escapeMarkup } from './lib/content/escape.ts';

const customHostCache = new Map<string, { slug: string | null; expires: number }>();

async function slugForCustomHost(host: string): Promise<string | null> {
  const cached = customHostCache.get(host);
  if (cached && cached.expires > Date.now()) return cached.slug;
  const slug = await findSchoolSlugByCustomHost(host);
  customHostCache.set(host, { slug, expires: Date.now() + 60_000 });
  return slug;
}

// An unpublished article's address answers 410 Gone, so readers, search engines and feed readers
// learn it was withdrawn on purpose rather than lost. Pages cannot set that status themselves.
async function goneResponse(pathname: string): Promise<NextResponse | null> {
  const story = readerStory(pathname);
  const gone = story ? await unpublishedArticle(story.school, story.slug) : null;
  if (!gone) return null;
  // Taken down on a reader's request, the address says why, in the editors' words.
  const why = gone.notice
    ? gone.notice
        .split(/\n{2,}/)
        .map((paragraph) => `<p>${escapeMarkup(paragraph)}</p>`)
        .join('')
    : '<p>The newspaper unpublished it.</p>';
  return new NextResponse(`<!doctype html><html lang="en"><title>Article removed</title><main><h1>This article has been removed</h1>${why}</main></html>`, {
    status: 410,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

async function movedResponse(request: NextRequest, schoolPath: string, hostBased: boolean): Promise<NextResponse | null> {
  const school = schoolArea(schoolPath)?.school;
  if (!school) return null;
  const key = oldAddressKey(schoolPath, school, request.nextUrl.search);
  const target = key ? await findRedirect(school, key) : null;
  if (!target) return null;
  return NextResponse.redirect(new URL(hostBased ? target : `/${school}${target}`, request.nextUrl), 301);
}

// Every response gets a fresh script nonce: Next reads it from the request's policy and puts it on
// its own scripts; the browser reads it from the response's. Reader pages are marked with their
// school, so the production server's page cache (lib/page-cache) knows which changes retire them.
function continueTo(request: NextRequest, schoolPath: string, rewriteTo?: URL): NextResponse {
  const policy = pagePolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  const reader = readerPageSchool(schoolPath);
  if (reader) response.headers.set(SCHOOL_HEADER, reader);
  return response;
}

// "/articles/x/" → "/articles/x" (308), as Next would do itself; see skipTrailingSlashRedirect.
function withoutTrailingSlash(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname.length <= 1 || !pathname.endsWith('/')) return null;
  // A plain URL: NextURL would keep the trailing slash it was read with.
  const url = new URL(request.url);
  url.pathname = pathname.replace(/\/+$/, '') || '/';
  return NextResponse.redirect(url, 308);
}

/** What a path under a school may answer before its page: an old address's 301, the trailing-slash
 * trim (after that lookup, so an old address is one hop), or an unpublished article's 410. */
async function answeredBeforePage(request: NextRequest, schoolPath: string, hostBased: boolean): Promise<NextResponse | null> {
  return (await movedResponse(request, schoolPath, hostBased)) ?? withoutTrailingSlash(request) ?? (await goneResponse(schoolPath));
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const rootDomain = process.env.MASTHEAD_ROOT_DOMAIN;
  if (isPlatformPath(pathname)) return withoutTrailingSlash(request) ?? (await goneResponse(pathname)) ?? continueTo(request, pathname);
  if (!rootDomain) return (await answeredBeforePage(request, pathname, false)) ?? continueTo(request, pathname);
  const host = classifyHost(request.headers.get('host'), rootDomain);
  const slug = host.kind === 'subdomain' ? host.slug : host.kind === 'custom' ? await slugForCustomHost(host.host) : null;
  if (!slug)
    return host.kind === 'custom'
      ? new NextResponse('No newspaper is published at this address.', { status: 404 })
      : ((await answeredBeforePage(request, pathname, false)) ?? continueTo(request, pathname));
  const schoolPath = schoolPathOf(slug, pathname);
  const answered = await answeredBeforePage(request, schoolPath, schoolPath !== pathname);
  if (answered) return answered;
  if (schoolPath === pathname) return continueTo(request, schoolPath);
  const url = request.nextUrl.clone();
  url.pathname = schoolPath;
  return continueTo(request, schoolPath, url);
}

export const config = {
  // Not the uploads (the WordPress import's, and the editor's pictures, audio and video): a proxy
  // makes Next buffer the request body in memory and cut it at 10 MB, so a larger photo or an
  // episode arrived cut short. Those routes are under /api, which the proxy only passes on.
  matcher: ['/((?!_next/static|_next/image|api/schools/[^/]+/import/wordpress|api/schools/[^/]+/media$).*)'],
};
