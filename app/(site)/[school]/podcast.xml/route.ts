import { buildPodcastFeed } from '@/lib/articles/podcast';
import { getSchoolBySlug } from '@/lib/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) return new Response('No such feed.', { status: 404 });
  return new Response(await buildPodcastFeed(school), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' } });
}
