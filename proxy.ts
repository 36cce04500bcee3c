// Maps school hosts onto the path-based routes: "ravens.masthead.news/articles/x" (or a school's
// custom domain) is served by "/ravens/articles/x". Path-based URLs need no lookup at all.
import { NextResponse, type NextRequest } from 'next/server';
import { classifyHost } from './lib/tenants/host.ts';
import { findSchoolSlugByCustomHost } from './lib/tenants/schools.ts';

const SHARED_PATHS = /^\/(?:api|_next|signin|newsroom$|favicon\.ico)/;
const customHostCache = new Map<string, { slug: string | null; expires: number }>();

async function slugForCustomHost(host: string): Promise<string | null> {
  const cached = customHostCache.get(host);
  if (cached && cached.expires > Date.now()) return cached.slug;
  const slug = await findSchoolSlugByCustomHost(host);
  customHostCache.set(host, { slug, expires: Date.now() + 60_000 });
  return slug;
}

export async function proxy(request: NextRequest) {
  const rootDomain = process.env.MASTHEAD_ROOT_DOMAIN;
  if (!rootDomain) return NextResponse.next();
  const { pathname } = request.nextUrl;
  if (SHARED_PATHS.test(pathname)) return NextResponse.next();
  const host = classifyHost(request.headers.get('host'), rootDomain);
  const slug = host.kind === 'subdomain' ? host.slug : host.kind === 'custom' ? await slugForCustomHost(host.host) : null;
  if (!slug) return host.kind === 'custom' ? new NextResponse('No newspaper is published at this address.', { status: 404 }) : NextResponse.next();
  if (pathname === `/${slug}` || pathname.startsWith(`/${slug}/`)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/${slug}${pathname === '/' ? '' : pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
