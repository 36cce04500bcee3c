import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { startImport } from '@/lib/wordpress/jobs';

// The settings page sends the export file itself as the body (streamed to disk, never held in
// memory), its name in X-Filename, and ?uploads=zip when the uploads archive follows.
// proxy.ts's matcher leaves these addresses alone, so Next does not buffer the body for it.
export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = { body: request.body, filename: decodeURIComponent(request.headers.get('x-filename') ?? 'export.xml'), withUploads: new URL(request.url).searchParams.get('uploads') === 'zip' };
    return resultResponse(await startImport(actor, upload), 202);
  });
}
