import { withActor } from '@/lib/auth/request';
import { MAX_AUDIO_BYTES, MAX_VIDEO_BYTES, uploadAudio, uploadCaptions, uploadImage, uploadVideo } from '@/lib/media';
import { searchMediaLibrary } from '@/lib/media/library';
import { formLimitFor, readUploadedFile, resultResponse } from '@/lib/result';

// One endpoint for every upload; the form says which kind the editor asked for (a picture unless
// "audio", "video" or "captions"), and the bytes must be of that kind.
export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = await readUploadedFile(request, formLimitFor(Math.max(MAX_AUDIO_BYTES, MAX_VIDEO_BYTES)));
    if (!upload.ok) return resultResponse(upload);
    const { file, fields } = upload.data;
    if (fields.kind === 'audio') return resultResponse(await uploadAudio(actor, file), 201);
    if (fields.kind === 'video') return resultResponse(await uploadVideo(actor, file), 201);
    if (fields.kind === 'captions') return resultResponse(await uploadCaptions(actor, file), 201);
    return resultResponse(await uploadImage(actor, file, { alt: fields.alt ?? '', caption: fields.caption ?? '', credit: fields.credit ?? '' }), 201);
  });
}

// The school's media library, searched (?q=, &kind=image|audio|video, &rights=, &page=): the
// editor's "From the library" picker asks here.
export async function GET(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => resultResponse(await searchMediaLibrary(actor, Object.fromEntries(new URL(request.url).searchParams))));
}
