// The article's history: the append-only event log, with names as the newsroom knows them.
import type { Actor } from '../auth/actor.ts';
import { dbFor } from '../db.ts';
import { ROLE_LABELS } from '../auth/permissions.ts';
import { displayNames } from './comments.ts';
import { LIVE_EVENTS } from '../live-coverage/rules.ts';
import { STATUS_LABELS, SYSTEM_EVENTS, WORKFLOW, type WorkflowAction } from './table.ts';

const OTHER_EVENTS: Record<string, string> = { ...SYSTEM_EVENTS, ...LIVE_EVENTS };

export async function articleHistory(actor: Actor, articleId: string) {
  const events = await dbFor(actor.schoolId).workflowEvent.findMany({
    where: { schoolId: actor.schoolId, articleId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, actorId: true, actorRole: true, action: true, fromStatus: true, toStatus: true, comment: true, createdAt: true },
  });
  const names = await displayNames(
    actor.schoolId,
    events.map((event) => event.actorId),
  );
  return events.map((event) => ({
    id: event.id,
    who: event.actorId ? (names.get(event.actorId) ?? 'Former member') : 'Masthead (scheduled)',
    role: event.actorRole ? ROLE_LABELS[event.actorRole] : null,
    what: event.action in WORKFLOW ? WORKFLOW[event.action as WorkflowAction].label : (OTHER_EVENTS[event.action] ?? event.action),
    from: event.fromStatus ? STATUS_LABELS[event.fromStatus] : null,
    to: STATUS_LABELS[event.toStatus],
    comment: event.comment,
    at: event.createdAt,
  }));
}
