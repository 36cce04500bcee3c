import { buildFeed, feedResponse } from '@/lib/articles/feeds';
import { getSchoolBySlug } from '@/lib/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ school: string; member: string }> }) {
  const { school: slug, member } = await params;
  const school = await getSchoolBySlug(slug);
  return feedResponse(school ? await buildFeed(school, { kind: 'reporter', slug: member }, 'rss') : null, 'rss');
}
