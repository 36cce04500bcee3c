import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { getImportJob } from '@/lib/wordpress/jobs';

// How far an import has come: the settings page's progress bar polls this.
export async function GET(request: Request, { params }: { params: Promise<{ school: string; job: string }> }) {
  const { school, job } = await params;
  return withActor(request, school, async (actor) => {
    const response = resultResponse(await getImportJob(actor, job));
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  });
}
