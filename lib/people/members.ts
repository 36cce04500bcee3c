// Who belongs to a newspaper: invitations (by link or e-mail, with a role), accepting one, role
// changes and deactivation. Advisers and school admins manage members; nobody hands out a role
// above their own, changes their own, or leaves the paper without an adviser or admin.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken, NewPassword } from '../auth/password-reset.ts';
import { retirePeopleOnCommit } from '../auth/people-cache.ts';
import { ROLE_LABELS, ROLES } from '../auth/permissions.ts';
import { db, dbFor, PLATFORM, transactionFor, type Prisma } from '../db.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { appUrl, queueMail } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { firstFreeSlug, slugify } from '../articles/slugs.ts';
import { recordDecision } from '../audit/index.ts';

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const RANK: Record<Role, number> = { REPORTER: 0, EDITOR: 1, ADVISER: 2, SCHOOL_ADMIN: 3 };

const RoleInput = z.enum(ROLES, { error: 'Choose a role.' });
export const InviteInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  role: RoleInput,
  sendEmail: z.boolean().default(true),
});

function mayGrant(actor: Actor, role: Role): Result<true> {
  return RANK[role] <= RANK[actor.role]
    ? ok(true)
    : fail(403, `Only a ${ROLE_LABELS.SCHOOL_ADMIN.toLowerCase()} can make someone a ${ROLE_LABELS[role].toLowerCase()}.`, { role: 'You cannot give a role above your own.' });
}

export interface IssuedInvitation {
  id: string;
  link: string;
}

/** Invites someone by e-mail (and always returns the link, to pass on by hand). */
export async function inviteMember(actor: Actor, input: unknown): Promise<Result<IssuedInvitation>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(InviteInput, input);
  if (!parsed.ok) return parsed;
  const granted = mayGrant(actor, parsed.data.role);
  if (!granted.ok) return granted;
  const { email, role, sendEmail } = parsed.data;
  return transactionFor(actor.schoolId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { schoolId: actor.schoolId, user: { email } }, select: { status: true } });
    if (member?.status === 'ACTIVE') return fail(409, 'That person is already on the staff.', { email: 'That person is already on the staff.' });
    return ok(await issueInvitation(tx, { schoolId: actor.schoolId, email, role, sendEmail, invitedById: actor.membershipId, inviterName: actor.displayName }));
  });
}

/** Writes an invitation (only its token's hash is kept) and, if asked, mails the link. */
export async function issueInvitation(
  tx: Prisma.TransactionClient,
  invitation: { schoolId: string; email: string; role: Role; sendEmail: boolean; invitedById: string | null; inviterName: string },
): Promise<IssuedInvitation> {
  const token = randomBytes(32).toString('base64url');
  const school = await tx.school.findUniqueOrThrow({ where: { id: invitation.schoolId }, select: { newspaperName: true } });
  const created = await tx.invitation.create({
    data: {
      schoolId: invitation.schoolId,
      email: invitation.email,
      role: invitation.role,
      tokenHash: hashToken(token),
      invitedById: invitation.invitedById,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    },
    select: { id: true },
  });
  const link = appUrl(`/invitations/${token}`);
  if (invitation.sendEmail) {
    await queueMail(tx, {
      schoolId: invitation.schoolId,
      to: invitation.email,
      subject: `You are invited to ${school.newspaperName}`,
      text: `${invitation.inviterName} invites you to join ${school.newspaperName} on Masthead as ${ROLE_LABELS[invitation.role].toLowerCase()}.\n\nAccept within two weeks here:\n\n${link}`,
    });
  }
  return { id: created.id, link };
}

export async function revokeInvitation(actor: Actor, invitationId: string): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const { count } = await dbFor(actor.schoolId).invitation.deleteMany({ where: { id: invitationId, schoolId: actor.schoolId, acceptedAt: null } });
  return count === 1 ? ok(true) : missing('invitation');
}

export const AcceptInput = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2, 'Enter your name as it should appear in bylines.').max(80, 'Use at most 80 characters.').optional(),
  password: z.string().max(200),
});

/** What the invitation page shows: the school and role, and whether the address has an account. */
export async function describeInvitation(token: string) {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return null;
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { email: invitation.email, role: invitation.role, newspaperName: invitation.school.newspaperName, schoolName: invitation.school.name, hasAccount: existing !== null };
}

function findOpenInvitation(token: string) {
  // The token alone names the school, so the lookup spans schools; it reads one row by its hash.
  return dbFor(PLATFORM).invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, schoolId: true, email: true, role: true, school: { select: { slug: true, name: true, newspaperName: true } } },
  });
}

/** A profile address no other member of the school uses ("riley-chen-2"). */
export async function uniqueMemberSlug(tx: Prisma.TransactionClient, schoolId: string, name: string): Promise<string> {
  const base = slugify(name) || 'member';
  const taken = await tx.membership.findMany({ where: { schoolId, slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(taken.map((row) => row.slug)));
}

/**
 * Accepts an invitation: a new account (name and a new password) or, for an address that has one,
 * its current password. Returns the school to open.
 */
export async function acceptInvitation(input: unknown): Promise<Result<{ schoolSlug: string; email: string }>> {
  const parsed = parseInput(AcceptInput, input);
  if (!parsed.ok) return parsed;
  const invitation = await findOpenInvitation(parsed.data.token);
  const expired = 'This invitation has expired, was withdrawn or was already used. Ask for a new one.';
  if (!invitation) return fail(404, expired, { token: expired });
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true, name: true, passwordHash: true } });
  let passwordHash: string | null = null;
  if (existing) {
    if (!existing.passwordHash || !(await verifyPassword(parsed.data.password, existing.passwordHash))) {
      return fail(422, 'That is not the password of this account.', { password: 'That is not the password of this account.' });
    }
  } else {
    if (!parsed.data.name) return fail(422, 'Enter your name as it should appear in bylines.', { name: 'Enter your name as it should appear in bylines.' });
    const password = NewPassword.safeParse(parsed.data.password);
    if (!password.success) return fail(422, password.error.issues[0]!.message, { password: password.error.issues[0]!.message });
    passwordHash = await hashPassword(password.data);
  }
  return transactionFor(invitation.schoolId, async (tx) => {
    // Claimed in one statement, so one link cannot make two memberships.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count !== 1) return fail(404, expired, { token: expired });
    const user = existing ?? (await tx.user.create({ data: { email: invitation.email, name: parsed.data.name!, passwordHash, emailVerified: new Date() }, select: { id: true, name: true } }));
    const name = existing?.name ?? parsed.data.name!;
    const member = await tx.membership.findUnique({ where: { schoolId_userId: { schoolId: invitation.schoolId, userId: user.id } }, select: { id: true } });
    retirePeopleOnCommit(tx, [user.id]);
    if (member) {
      await tx.membership.update({ where: { id: member.id }, data: { role: invitation.role, status: 'ACTIVE' } });
    } else {
      await tx.membership.create({ data: { schoolId: invitation.schoolId, userId: user.id, role: invitation.role, displayName: name, slug: await uniqueMemberSlug(tx, invitation.schoolId, name) } });
    }
    return ok({ schoolSlug: invitation.school.slug, email: invitation.email });
  });
}

export const RoleChange = z.object({ role: RoleInput });

/** Locks the member's row and checks the change leaves someone able to run the paper. */
async function loadManagedMember(tx: Prisma.TransactionClient, actor: Actor, membershipId: string) {
  const rows = await tx.$queryRaw<{ id: string; userId: string; role: Role; status: string; displayName: string }[]>`
    SELECT id, "userId", role::text AS role, status::text AS status, "displayName" FROM memberships WHERE id = ${membershipId} AND "schoolId" = ${actor.schoolId} FOR UPDATE`;
  const member = rows[0] ?? null;
  // Whatever is decided about them, the one deciding sees it on their next request.
  if (member) retirePeopleOnCommit(tx, [member.userId]);
  return member;
}

async function keepsAnAdviser(tx: Prisma.TransactionClient, actor: Actor, leaving: string): Promise<boolean> {
  const others = await tx.membership.count({ where: { schoolId: actor.schoolId, status: 'ACTIVE', role: { in: ['ADVISER', 'SCHOOL_ADMIN'] }, id: { not: leaving } } });
  return others > 0;
}

export async function changeRole(actor: Actor, membershipId: string, input: unknown): Promise<Result<{ role: Role }>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(RoleChange, input);
  if (!parsed.ok) return parsed;
  if (membershipId === actor.membershipId) return fail(409, 'You cannot change your own role; ask another adviser or admin.');
  return transactionFor(actor.schoolId, async (tx) => {
    const member = await loadManagedMember(tx, actor, membershipId);
    if (!member) return missing('member');
    const granted = mayGrant(actor, parsed.data.role);
    if (!granted.ok) return granted;
    if (RANK[member.role] > RANK[actor.role]) return fail(403, 'You cannot change the role of someone above you.');
    if (RANK[parsed.data.role] < RANK.ADVISER && !(await keepsAnAdviser(tx, actor, member.id))) return fail(409, 'The paper needs at least one adviser or school admin.');
    await tx.membership.update({ where: { id: member.id }, data: { role: parsed.data.role, ...(parsed.data.role === 'EDITOR' ? {} : { sectionId: null }) } });
    if (member.role !== parsed.data.role)
      await recordDecision(tx, actor, 'role-changed', member.id, `${member.displayName} is now a ${ROLE_LABELS[parsed.data.role].toLowerCase()} (was a ${ROLE_LABELS[member.role].toLowerCase()}).`);
    return ok({ role: parsed.data.role });
  });
}

/** Takes away someone's access at once (their next request finds no membership); their bylines stay. */
export async function deactivateMember(actor: Actor, membershipId: string): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  if (membershipId === actor.membershipId) return fail(409, 'You cannot deactivate yourself.');
  return transactionFor(actor.schoolId, async (tx) => {
    const member = await loadManagedMember(tx, actor, membershipId);
    if (!member) return missing('member');
    if (RANK[member.role] > RANK[actor.role]) return fail(403, 'You cannot deactivate someone above you.');
    if (!(await keepsAnAdviser(tx, actor, member.id))) return fail(409, 'The paper needs at least one adviser or school admin.');
    await tx.membership.update({ where: { id: member.id }, data: { status: 'DEACTIVATED' } });
    await recordDecision(tx, actor, 'member-deactivated', member.id, `${member.displayName} was deactivated: their access ended, their bylines stay.`);
    return ok(true);
  });
}

export async function reactivateMember(actor: Actor, membershipId: string): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, schoolId: actor.schoolId, status: 'DEACTIVATED' }, select: { id: true, userId: true, displayName: true } });
    if (!member) return missing('deactivatedMember');
    retirePeopleOnCommit(tx, [member.userId]);
    await tx.membership.update({ where: { id: member.id }, data: { status: 'ACTIVE' } });
    await recordDecision(tx, actor, 'member-reactivated', member.id, `${member.displayName} was reactivated.`);
    return ok(true);
  });
}

/** The members page: everyone with their role and status, and the invitations still open. */
export async function listMembers(actor: Actor) {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const members = await tx.membership.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: [{ status: 'asc' }, { displayName: 'asc' }],
      select: { id: true, displayName: true, role: true, status: true, classYear: true, liveDesk: true, user: { select: { email: true } } },
    });
    const invitations = await tx.invitation.findMany({
      where: { schoolId: actor.schoolId, acceptedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    return ok({ members: members.map(({ user, ...member }) => ({ ...member, email: user.email })), invitations });
  });
}
