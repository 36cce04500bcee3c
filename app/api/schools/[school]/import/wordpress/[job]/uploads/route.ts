import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { receiveUploadsArchive } from '@/lib/wordpress/jobs';

// The site's wp-content/uploads folder as a zip, for an import waiting for it (see ../../route.ts).
export async function PUT(request: Request, { params }: { params: Promise<{ school: string; job: string }> }) {
  const { school, job } = await params;
  return withActor(request, school, async (actor) => {
    const upload = { body: request.body, filename: decodeURIComponent(request.headers.get('x-filename') ?? 'uploads.zip') };
    return resultResponse(await receiveUploadsArchive(actor, job, upload), 202);
  });
}
