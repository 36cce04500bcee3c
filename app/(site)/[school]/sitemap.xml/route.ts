import { listSitemapArticles } from '@/lib/articles/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Exactly the live articles: unpublished ones leave it in the same transaction that hides them.
export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) return new Response('Not found', { status: 404 });
  const articles = await listSitemapArticles(school);
  const urls = articles.map((article) => `  <url><loc>${escape(schoolUrl(school, `/articles/${article.slug}`))}</loc><lastmod>${article.publishedAt!.toISOString()}</lastmod></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url><loc>${escape(schoolUrl(school))}</loc></url>\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
