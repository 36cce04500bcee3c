// Session helpers for Server Components and route handlers (Next-bound; the data layer uses Actor).
import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getSchoolBySlug } from '../tenants/schools.ts';
import { actorInSchool, type Actor } from './actor.ts';
import { authOptions } from './options.ts';
import { db } from '../db.ts';
import { sessionIsCurrent } from './sign-out-everywhere.ts';
import { cachedSessionHolder } from './people-cache.ts';

/** The signed-in user's id, if the session is valid, the user still exists and has not signed
 * out everywhere since the session was issued. Memoised per request (a layout and its page ask). */
export const getSignedInUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await cachedSessionHolder(id, () => db.user.findUnique({ where: { id }, select: { id: true, sessionsValidAfter: true } }));
  if (!user || !sessionIsCurrent((session as { issuedAt?: number }).issuedAt, user.sessionsValidAfter)) return null;
  return user.id;
});

const newsroomActor = cache(async (schoolSlug: string) => {
  const userId = await getSignedInUserId();
  if (!userId) return { signedIn: false as const };
  const school = await getSchoolBySlug(schoolSlug);
  const actor = school ? await actorInSchool(userId, school) : null;
  return { signedIn: true as const, school, actor };
});

/** For newsroom pages: the school and the acting member. Signed out: to the sign-in page.
 * Not a member of this school: 404, exactly as if the school had no such page. */
export async function requireNewsroomActor(schoolSlug: string, returnTo: string): Promise<{ actor: Actor; school: NonNullable<Awaited<ReturnType<typeof getSchoolBySlug>>> }> {
  const found = await newsroomActor(schoolSlug);
  if (!found.signedIn) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!found.school || !found.actor) notFound();
  return { actor: found.actor, school: found.school };
}
