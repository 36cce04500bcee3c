import { importArticle } from '@/lib/articles/import';
import { withActor } from '@/lib/auth/request';
import { readUploadedFile, resultResponse } from '@/lib/result';

export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const upload = await readUploadedFile(request);
    return resultResponse(upload.ok ? await importArticle(actor, upload.data.file) : upload, 201);
  });
}
