import { listSchools } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

export const dynamic = 'force-dynamic';

// The platform's robots.txt: newsrooms and sign-in are not for crawlers; every paper's sitemap is.
export async function GET() {
  const schools = await listSchools();
  const sitemaps = schools.map((school) => `Sitemap: ${schoolUrl(school, '/sitemap.xml')}`).join('\n');
  return new Response(`User-agent: *\nDisallow: /api/\nDisallow: /signin\nDisallow: /*/newsroom\nAllow: /\n${sitemaps}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
