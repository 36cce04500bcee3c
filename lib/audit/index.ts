// The school's audit log: decisions about its people rather than about one story (a story's are
// in its workflow events): roles given, access taken away and restored, the live desk. Append-only;
// the members page shows it to those who manage members.
import { requirePermission, type Actor } from '../auth/actor.ts';
import { dbFor, type Prisma } from '../db.ts';
import { ok } from '../result.ts';

export const AUDIT_ACTIONS = ['role-changed', 'member-deactivated', 'member-reactivated', 'live-desk-added', 'live-desk-removed'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Records a decision about a member, in the transaction that makes it. */
export function recordDecision(tx: Prisma.TransactionClient, actor: Actor, action: AuditAction, subjectId: string, detail: string) {
  return tx.auditEvent.create({ data: { schoolId: actor.schoolId, actorId: actor.membershipId, actorRole: actor.role, action, subjectId, detail } });
}

/** The most recent decisions, newest first, with who took each. */
export async function schoolAuditLog(actor: Actor, take = 50) {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const db = dbFor(actor.schoolId);
  const events = await db.auditEvent.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, action: true, actorId: true, detail: true, createdAt: true },
  });
  const actors = await db.membership.findMany({
    where: { schoolId: actor.schoolId, id: { in: events.flatMap((event) => (event.actorId ? [event.actorId] : [])) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(actors.map((member) => [member.id, member.displayName]));
  return ok(events.map((event) => ({ ...event, by: event.actorId ? (names.get(event.actorId) ?? 'Former member') : 'Masthead' })));
}
