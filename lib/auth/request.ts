// The actor behind an API request (route handlers), with the checks every mutation needs: a
// session, membership of the school in the address (else 404, as for a school that does not
// exist), and a same-origin request, so another site cannot make a signed-in browser act.
import 'server-only';
import { fail, missing, resultResponse, type Result } from '../result.ts';
import { actorInSchool, type Actor } from './actor.ts';
import { getSignedInUserId } from './signed-in.ts';
import { getSchoolBySlug } from '../tenants/schools.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function actorForRequest(request: Request, schoolSlug: string): Promise<Result<Actor>> {
  if (!isSameOrigin(request)) return fail(403, 'This request did not come from a Masthead page.');
  const userId = await getSignedInUserId();
  if (!userId) return fail(401, 'You are signed out. Sign in again; your unsaved text is kept in this browser.');
  const school = await getSchoolBySlug(schoolSlug);
  const actor = school ? await actorInSchool(userId, school) : null;
  return actor ? { ok: true, data: actor } : missing('page');
}

/** Runs a route handler body for the request's actor, answering failures as JSON. */
export async function withActor(request: Request, schoolSlug: string, work: (actor: Actor) => Promise<Response>): Promise<Response> {
  const actor = await actorForRequest(request, schoolSlug);
  return actor.ok ? work(actor.data) : resultResponse(actor);
}
