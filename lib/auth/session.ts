// Session helpers for Server Components and route handlers (Next-bound; the data layer uses Actor).
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { getSchoolBySlug } from '../tenants/schools.ts';
import { actorInSchool, type Actor } from './actor.ts';
import { authOptions } from './options.ts';
import { db } from '../db.ts';

export async function getSignedInUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true } });
  return user?.id ?? null;
}

/** For newsroom pages: the school and the acting member. Signed out: to the sign-in page.
 * Not a member of this school: 404, exactly as if the school had no such page. */
export async function requireNewsroomActor(schoolSlug: string, returnTo: string): Promise<{ actor: Actor; school: NonNullable<Awaited<ReturnType<typeof getSchoolBySlug>>> }> {
  const userId = await getSignedInUserId();
  if (!userId) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) notFound();
  const actor = await actorInSchool(userId, school);
  if (!actor) notFound();
  return { actor, school };
}
