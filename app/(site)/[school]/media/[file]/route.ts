import { readMediaFile } from '@/lib/media';
import { rangedResponse } from '@/lib/media/ranges';
import { getSchoolBySlug } from '@/lib/tenants';

// Uploaded images and audio. File names carry a random id and never change content, so browsers
// and CDNs may keep them for a year. Audio players and podcast apps ask for ranges.
export async function GET(request: Request, { params }: { params: Promise<{ school: string; file: string }> }) {
  const { school: slug, file } = await params;
  const school = await getSchoolBySlug(slug);
  const media = school ? await readMediaFile(school.id, file) : null;
  if (!media) return new Response('Not found', { status: 404 });
  return rangedResponse(media.bytes, request.headers.get('range'), {
    'Content-Type': media.contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
}
