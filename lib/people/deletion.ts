// A member asks the school to erase their personal data; an adviser or school admin erases it or
// declines, saying why. Erasing keeps the newspaper's record whole — published stories stay, under
// "Former staff member" — and removes the person: name, bio, class, contact, archived staff-box
// entries, open invitations, notifications; and the account itself (address, password, sessions)
// unless the person still belongs to another school.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { retirePeopleOnCommit } from '../auth/people-cache.ts';
import { readersSeeChange } from '../articles/live.ts';
import { PLATFORM, transactionFor, actAsTenant, type Prisma } from '../db.ts';
import { notify } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';

export const FORMER_MEMBER_NAME = 'Former staff member';

export const DeletionRequestInput = z.object({ reason: z.string().trim().max(1000, 'Use at most 1,000 characters.').optional() });
export const DeletionDecision = z.discriminatedUnion(
  'erase',
  [z.object({ erase: z.literal(true) }), z.object({ erase: z.literal(false), decision: z.string().trim().min(5, 'Say why the request is declined.').max(1000, 'Use at most 1,000 characters.') })],
  { error: 'Choose to erase or to decline.' },
);

export async function requestDeletion(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  const parsed = parseInput(DeletionRequestInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const open = await tx.deletionRequest.findFirst({ where: { schoolId: actor.schoolId, membershipId: actor.membershipId, status: 'PENDING' }, select: { id: true } });
    if (open) return fail(409, 'Your request is already with the adviser.');
    const request = await tx.deletionRequest.create({ data: { schoolId: actor.schoolId, membershipId: actor.membershipId, reason: parsed.data.reason || null }, select: { id: true } });
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { id: true, slug: true, newspaperName: true } });
    const managers = await tx.membership.findMany({ where: { schoolId: actor.schoolId, status: 'ACTIVE', role: { in: ['ADVISER', 'SCHOOL_ADMIN'] } }, select: { id: true } });
    await notify(
      tx,
      school,
      managers.map((manager) => manager.id),
      { kind: 'deletion-request', articleId: null, message: `${actor.displayName} asks for their personal data to be erased`, link: '/newsroom/members' },
    );
    return ok(request);
  });
}

export async function listDeletionRequests(actor: Actor) {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const requests = await tx.deletionRequest.findMany({
      where: { schoolId: actor.schoolId, status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, membershipId: true, reason: true, createdAt: true },
    });
    const members = await tx.membership.findMany({ where: { schoolId: actor.schoolId, id: { in: requests.map((request) => request.membershipId) } }, select: { id: true, displayName: true } });
    const names = new Map(members.map((member) => [member.id, member.displayName]));
    return ok(requests.map((request) => ({ ...request, name: names.get(request.membershipId) ?? FORMER_MEMBER_NAME })));
  });
}

async function erase(tx: Prisma.TransactionClient, schoolId: string, membershipId: string): Promise<void> {
  const member = await tx.membership.update({
    where: { id: membershipId },
    data: {
      displayName: FORMER_MEMBER_NAME,
      slug: `former-member-${membershipId.slice(-8)}`,
      bio: null,
      classYear: null,
      graduationYear: null,
      contactEmail: null,
      showContactEmail: false,
      staffTitle: null,
      sectionId: null,
      status: 'DEACTIVATED',
    },
    select: { userId: true, user: { select: { email: true } } },
  });
  retirePeopleOnCommit(tx, [member.userId]);
  await tx.mastheadEntry.deleteMany({ where: { schoolId, membershipId } });
  await tx.notification.deleteMany({ where: { schoolId, recipientId: membershipId } });
  await tx.invitation.deleteMany({ where: { schoolId, email: member.user.email } });
  await tx.outboxEmail.deleteMany({ where: { schoolId, to: member.user.email } });
  // The account goes too, unless another school still counts the person among its members.
  // Other schools' memberships are invisible to this school's transaction: the count looks across
  // schools for this one question, then the transaction is this school's again.
  await actAsTenant(tx, PLATFORM);
  const elsewhere = await tx.membership.count({ where: { userId: member.userId, schoolId: { not: schoolId } } });
  await actAsTenant(tx, schoolId);
  if (elsewhere === 0) {
    await tx.user.update({
      where: { id: member.userId },
      data: { email: `erased-${member.userId}@erased.invalid`, name: FORMER_MEMBER_NAME, passwordHash: null, image: null, emailVerified: null, sessionsValidAfter: new Date() },
    });
    await tx.account.deleteMany({ where: { userId: member.userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId: member.userId } });
  }
}

export async function decideDeletion(actor: Actor, requestId: string, input: unknown): Promise<Result<{ erased: boolean }>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(DeletionDecision, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const claimed = await tx.deletionRequest.updateMany({
      where: { id: requestId, schoolId: actor.schoolId, status: 'PENDING' },
      data: { status: parsed.data.erase ? 'ERASED' : 'DECLINED', decidedById: actor.membershipId, decidedAt: new Date(), decision: parsed.data.erase ? null : parsed.data.decision },
    });
    if (claimed.count !== 1) return missing('openRequest');
    if (!parsed.data.erase) return ok({ erased: false });
    const request = await tx.deletionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { membershipId: true } });
    await erase(tx, actor.schoolId, request.membershipId);
    await readersSeeChange(tx, actor.schoolId);
    return ok({ erased: true });
  });
}
