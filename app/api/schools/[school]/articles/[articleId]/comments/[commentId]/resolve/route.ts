import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { resolveComment } from '@/lib/workflow';

type Params = { params: Promise<{ school: string; articleId: string; commentId: string }> };

export async function POST(request: Request, { params }: Params) {
  const { school, articleId, commentId } = await params;
  return withActor(request, school, async (actor) => resultResponse(await resolveComment(actor, articleId, commentId)));
}
