import { withActor } from '@/lib/auth/request';
import { readJson, resultResponse } from '@/lib/result';
import { transition } from '@/lib/workflow';

type Params = { params: Promise<{ school: string; articleId: string }> };

export async function POST(request: Request, { params }: Params) {
  const { school, articleId } = await params;
  return withActor(request, school, async (actor) => {
    const body = await readJson(request);
    return resultResponse(body.ok ? await transition(actor, articleId, body.data) : body);
  });
}
