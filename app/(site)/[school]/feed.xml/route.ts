import { buildFeed, feedResponse } from '@/lib/articles/feeds';
import { getSchoolBySlug } from '@/lib/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  return feedResponse(school ? await buildFeed(school, { kind: 'school' }, 'rss') : null, 'rss');
}
