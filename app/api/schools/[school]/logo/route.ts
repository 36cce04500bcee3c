import { withActor } from '@/lib/auth/request';
import { readUploadedFile, resultResponse } from '@/lib/result';
import { setSchoolLogo } from '@/lib/tenants/branding';

export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = await readUploadedFile(request);
    return resultResponse(upload.ok ? await setSchoolLogo(actor, upload.data.file) : upload);
  });
}
