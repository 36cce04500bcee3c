import { saveDraft } from '@/lib/articles';
import { withActor } from '@/lib/auth/request';
import { readJson, resultResponse } from '@/lib/result';

type Params = { params: Promise<{ school: string; articleId: string }> };

// Autosave: the editor sends the whole working copy with the version it started from.
export async function PUT(request: Request, { params }: Params) {
  const { school, articleId } = await params;
  return withActor(request, school, async (actor) => {
    const body = await readJson(request);
    return resultResponse(body.ok ? await saveDraft(actor, articleId, body.data) : body);
  });
}
