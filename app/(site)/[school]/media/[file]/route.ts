import { readMediaFile } from '@/lib/media';
import { getSchoolBySlug } from '@/lib/tenants';

// Uploaded images. File names carry a random id and never change content, so browsers and CDNs
// may keep them for a year.
export async function GET(_request: Request, { params }: { params: Promise<{ school: string; file: string }> }) {
  const { school: slug, file } = await params;
  const school = await getSchoolBySlug(slug);
  const media = school ? await readMediaFile(school.id, file) : null;
  if (!media) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      'Content-Type': media.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
