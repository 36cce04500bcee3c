import { mailEventsAuthorized, recordMailEvents } from '@/lib/newsletters/mail-events';
import { readJson, resultResponse } from '@/lib/result';

// Bounces and complaints from the mail provider (lib/newsletters/mail-events.ts).
export async function POST(request: Request) {
  if (!mailEventsAuthorized(request.headers.get('authorization'))) return Response.json({ error: 'Not found.' }, { status: 404 });
  const body = await readJson(request);
  return resultResponse(body.ok ? await recordMailEvents(body.data) : body);
}
