import { withActor } from '@/lib/auth/request';
import { uploadImage } from '@/lib/media';
import { readUploadedFile, resultResponse } from '@/lib/result';

export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = await readUploadedFile(request);
    if (!upload.ok) return resultResponse(upload);
    const { file, fields } = upload.data;
    return resultResponse(await uploadImage(actor, file, { alt: fields.alt ?? '', caption: fields.caption ?? '', credit: fields.credit ?? '' }), 201);
  });
}
