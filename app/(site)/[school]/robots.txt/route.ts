import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

// On a school's own host, /robots.txt is rewritten here by the proxy.
export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) return new Response('Not found', { status: 404 });
  return new Response(`User-agent: *\nDisallow: /newsroom\nAllow: /\nSitemap: ${schoolUrl(school, '/sitemap.xml')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
