import { podcastCover } from '@/lib/articles/podcast-cover';
import { getSchoolBySlug } from '@/lib/tenants';

export async function GET(_request: Request, { params }: { params: Promise<{ school: string }> }) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(await podcastCover(school)), { headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' } });
}
