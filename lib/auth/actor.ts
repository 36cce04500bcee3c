// The actor: who is acting, in which school, with which role. Data functions take an Actor, which
// can only be made here, from a signed-in user and the school resolved from the request.
import { PLATFORM, dbFor, type Prisma } from '../db.ts';
import { cachedMembership } from './people-cache.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { refusalFor, roleAllows, type Permission } from './permissions.ts';
import { fail, ok, type Result } from '../result.ts';

export interface Actor {
  userId: string;
  membershipId: string;
  schoolId: string;
  schoolSlug: string;
  role: Role;
  displayName: string;
  sectionId: string | null;
}

/** The user's active membership in this school as an Actor, or null (not a member: answer 404). */
export async function actorInSchool(userId: string, school: { id: string; slug: string }): Promise<Actor | null> {
  const membership = await cachedMembership(userId, school.id, () =>
    dbFor(school.id).membership.findUnique({
      where: { schoolId_userId: { schoolId: school.id, userId } },
      select: { id: true, role: true, status: true, displayName: true, sectionId: true },
    }),
  );
  if (!membership || membership.status !== 'ACTIVE') return null;
  return {
    userId,
    membershipId: membership.id,
    schoolId: school.id,
    schoolSlug: school.slug,
    role: membership.role,
    displayName: membership.displayName,
    sectionId: membership.sectionId,
  };
}

/** Every active member of a school as an actor: to ask the rules who may act on something, so as
 * to tell them it waits for them. */
export async function activeActorsOf(tx: Prisma.TransactionClient, school: { id: string; slug: string }): Promise<Actor[]> {
  const staff = await tx.membership.findMany({ where: { schoolId: school.id, status: 'ACTIVE' }, select: { id: true, userId: true, role: true, sectionId: true, displayName: true } });
  return staff.map((member) => ({
    userId: member.userId,
    membershipId: member.id,
    schoolId: school.id,
    schoolSlug: school.slug,
    role: member.role,
    displayName: member.displayName,
    sectionId: member.sectionId,
  }));
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleAllows(actor.role, permission);
}

/** The check every data function makes before it acts: ok, or 403 with the table's refusal. */
export function requirePermission(actor: Actor, permission: Permission): Result<true> {
  return can(actor, permission) ? ok(true) : fail(403, refusalFor(permission));
}

/** The schools a user works in (and those they graduated from), for the newsroom switcher. */
export async function schoolsOfUser(userId: string) {
  const memberships = await dbFor(PLATFORM).membership.findMany({
    where: { userId, status: { in: ['ACTIVE', 'ALUMNI'] } },
    select: { role: true, status: true, school: { select: { slug: true, name: true, newspaperName: true } } },
    orderBy: { school: { name: 'asc' } },
  });
  return memberships.map((membership) => ({ ...membership.school, role: membership.role, alumni: membership.status === 'ALUMNI' }));
}
