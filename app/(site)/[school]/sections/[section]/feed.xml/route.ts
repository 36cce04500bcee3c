import { buildFeed, feedResponse } from '@/lib/articles/feeds';
import { getSchoolBySlug } from '@/lib/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ school: string; section: string }> }) {
  const { school: slug, section } = await params;
  const school = await getSchoolBySlug(slug);
  return feedResponse(school ? await buildFeed(school, { kind: 'section', slug: section }, 'rss') : null, 'rss');
}
