import { withActor } from '@/lib/auth/request';
import { readUploadedFile, resultResponse } from '@/lib/result';
import { setSchoolLogo } from '@/lib/tenants/branding';
import { requirePermission } from '@/lib/auth/actor';

export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    // Refused before the upload is read: no one uploads megabytes only to learn they may not.
    const allowed = requirePermission(actor, 'school.settings');
    if (!allowed.ok) return resultResponse(allowed);
    const upload = await readUploadedFile(request);
    return resultResponse(upload.ok ? await setSchoolLogo(actor, upload.data.file) : upload);
  });
}
