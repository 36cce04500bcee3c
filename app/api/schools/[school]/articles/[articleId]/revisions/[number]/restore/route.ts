import { z } from 'zod';
import { restoreRevision } from '@/lib/articles';
import { withActor } from '@/lib/auth/request';
import { parseInput, readJson, resultResponse } from '@/lib/result';

type Params = { params: Promise<{ school: string; articleId: string; number: string }> };
const RestoreInput = z.object({ expectedVersion: z.number().int().positive() });

export async function POST(request: Request, { params }: Params) {
  const { school, articleId, number } = await params;
  return withActor(request, school, async (actor) => {
    const body = await readJson(request);
    const input = body.ok ? parseInput(RestoreInput, body.data) : body;
    if (!input.ok) return resultResponse(input);
    return resultResponse(await restoreRevision(actor, articleId, Number.parseInt(number, 10) || 0, input.data.expectedVersion));
  });
}
