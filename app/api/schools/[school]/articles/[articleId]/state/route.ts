import { withActor } from '@/lib/auth/request';
import { resultResponse } from '@/lib/result';
import { getWorkflowView } from '@/lib/workflow';

type Params = { params: Promise<{ school: string; articleId: string }> };

// The article's workflow state as JSON: status, version, the actions open to the caller, history.
export async function GET(request: Request, { params }: Params) {
  const { school, articleId } = await params;
  return withActor(request, school, async (actor) => resultResponse(await getWorkflowView(actor, articleId)));
}
