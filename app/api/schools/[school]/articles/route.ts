import { createDraft } from '@/lib/articles';
import { withActor } from '@/lib/auth/request';
import { readJson, resultResponse } from '@/lib/result';

export async function POST(request: Request, { params }: { params: Promise<{ school: string }> }) {
  const { school } = await params;
  return withActor(request, school, async (actor) => {
    const body = await readJson(request);
    return resultResponse(body.ok ? await createDraft(actor, body.data) : body, 201);
  });
}
