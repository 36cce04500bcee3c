import { withActor } from '@/lib/auth/request';
import { MAX_AUDIO_BYTES, uploadAudio, uploadImage } from '@/lib/media';
import { formLimitFor, readUploadedFile, resultResponse } from '@/lib/result';

// One endpoint for every upload; the form says which kind the editor asked for ("audio" from the
// audio picker, a picture otherwise), and the bytes must be of that kind.
export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = await readUploadedFile(request, formLimitFor(MAX_AUDIO_BYTES));
    if (!upload.ok) return resultResponse(upload);
    const { file, fields } = upload.data;
    if (fields.kind === 'audio') return resultResponse(await uploadAudio(actor, file), 201);
    return resultResponse(await uploadImage(actor, file, { alt: fields.alt ?? '', caption: fields.caption ?? '', credit: fields.credit ?? '' }), 201);
  });
}
