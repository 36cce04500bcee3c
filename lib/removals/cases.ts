// The newsroom's case log of requests: each with its story, status, deadline, internal notes and,
// once decided, the decision with its public and private reasons and what it changed. Every
// decision is in the story's audit log and is mailed to the requester.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { dbFor, transactionFor, type Prisma } from '../db.ts';
import { readersSeeChange } from '../articles/live.ts';
import { queueMail } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { anonymizeStories } from './anonymize.ts';
import { OUTCOME_LABELS } from './policy.ts';

export function listRemovalRequests(actor: Actor) {
  const allowed = requirePermission(actor, 'removals.handle');
  if (!allowed.ok) return Promise.resolve(allowed);
  return dbFor(actor.schoolId)
    .removalRequest.findMany({
      where: { schoolId: actor.schoolId, status: { not: 'UNCONFIRMED' } },
      orderBy: [{ status: 'asc' }, { deadline: 'asc' }],
      take: 200,
      select: { id: true, kind: true, status: true, requesterName: true, deadline: true, outcome: true, createdAt: true, article: { select: { headline: true } } },
    })
    .then(ok);
}

export async function getRemovalRequest(actor: Actor, id: string) {
  const allowed = requirePermission(actor, 'removals.handle');
  if (!allowed.ok) return allowed;
  const request = await dbFor(actor.schoolId).removalRequest.findFirst({
    where: { id, schoolId: actor.schoolId, status: { not: 'UNCONFIRMED' } },
    include: { article: { select: { id: true, slug: true, headline: true, publishedRevisionId: true } }, notes: { orderBy: { createdAt: 'asc' } } },
  });
  if (!request) return missing('removalRequest');
  const authorIds = [...new Set([...request.notes.map((note) => note.authorId), ...(request.decidedById ? [request.decidedById] : [])])];
  const authors = await dbFor(actor.schoolId).membership.findMany({ where: { schoolId: actor.schoolId, id: { in: authorIds } }, select: { id: true, displayName: true } });
  const nameOf = new Map(authors.map((author) => [author.id, author.displayName]));
  return ok({
    ...request,
    decidedBy: request.decidedById ? (nameOf.get(request.decidedById) ?? 'Former member') : null,
    notes: request.notes.map((note) => ({ ...note, author: nameOf.get(note.authorId) ?? 'Former member' })),
  });
}

const NoteInput = z.object({ body: z.string().trim().min(1, 'Write the note first.').max(5000, 'At most 5,000 characters.') });

export async function addRemovalNote(actor: Actor, id: string, input: unknown): Promise<Result<{ id: string }>> {
  const allowed = requirePermission(actor, 'removals.handle');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(NoteInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const request = await tx.removalRequest.findFirst({ where: { id, schoolId: actor.schoolId, status: { not: 'UNCONFIRMED' } }, select: { id: true } });
    if (!request) return missing('removalRequest');
    return ok(await tx.removalRequestNote.create({ data: { schoolId: actor.schoolId, requestId: id, authorId: actor.membershipId, body: parsed.data.body }, select: { id: true } }));
  });
}

const reason = z.string().trim().max(2000, 'At most 2,000 characters.');
export const DecisionInput = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('DECLINED'), publicReason: reason.min(1, 'Tell the requester why.'), privateReason: reason.default('') }),
  z.object({
    outcome: z.literal('CORRECTION'),
    note: z.string().trim().min(5, 'Write the correction readers will see.').max(2000),
    publicReason: reason.default(''),
    privateReason: reason.default(''),
  }),
  z.object({ outcome: z.literal('EDITORS_NOTE'), note: z.string().trim().min(5, 'Write the note readers will see.').max(2000), publicReason: reason.default(''), privateReason: reason.default('') }),
  z.object({
    outcome: z.literal('ANONYMIZED'),
    names: z
      .string()
      .trim()
      .min(2, 'Enter the name as the story writes it.')
      .max(500)
      .transform((names) =>
        names
          .split(/[\n;,]+/)
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    replacement: z.string().trim().min(2, 'Enter the description readers will see instead, e.g. “a sophomore”.').max(120),
    publicReason: reason.default(''),
    privateReason: reason.default(''),
  }),
  z.object({
    outcome: z.literal('UNPUBLISHED'),
    notice: z.string().trim().min(10, 'Write what readers will see at the story’s address.').max(2000),
    publicReason: reason.default(''),
    privateReason: reason.default(''),
  }),
]);

/** Decides an open request: applies the decision to the story (or stories), records it (with
 * what it changed) in the case and the audit log, and mails the requester the outcome. */
export async function decideRemovalRequest(actor: Actor, id: string, input: unknown): Promise<Result<{ outcome: string; changed: number }>> {
  const allowed = requirePermission(actor, 'removals.handle');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(DecisionInput, input);
  if (!parsed.ok) return parsed;
  const decision = parsed.data;
  return transactionFor(actor.schoolId, async (tx) => {
    // Locked, so two editors deciding at once decide once.
    const [request] = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text FROM removal_requests WHERE id = ${id} AND "schoolId" = ${actor.schoolId} FOR UPDATE`;
    if (!request || request.status === 'UNCONFIRMED') return missing('removalRequest');
    if (request.status === 'DECIDED') return fail(409, 'This request was decided already; reload to see the decision.');
    const { articleId, requesterEmail, requesterName } = await tx.removalRequest.findUniqueOrThrow({ where: { id }, select: { articleId: true, requesterEmail: true, requesterName: true } });
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, publishedRevision: { select: { headline: true } }, headline: true } });
    const headline = article.publishedRevision?.headline ?? article.headline;
    let changes: Prisma.InputJsonValue = {};
    const audit = async (action: string, comment: string, toStatus = article.status) =>
      tx.workflowEvent.create({ data: { schoolId: actor.schoolId, articleId, actorId: actor.membershipId, actorRole: actor.role, action, toStatus, comment } });

    if (decision.outcome === 'DECLINED') {
      await audit('removal-declined', `A reader’s request was declined: ${decision.publicReason}`);
    } else if (decision.outcome === 'CORRECTION') {
      await tx.correction.create({ data: { schoolId: actor.schoolId, articleId, note: decision.note, createdById: actor.membershipId } });
      await audit('correction', `Correction on a reader’s request: ${decision.note}`);
      await readersSeeChange(tx, actor.schoolId, [articleId]);
      changes = { correction: decision.note };
    } else if (decision.outcome === 'EDITORS_NOTE') {
      const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { editorsNote: true } });
      await tx.article.update({ where: { id: articleId }, data: { editorsNote: decision.note } });
      await audit('editors-note', `Editor’s note on a reader’s request: ${decision.note}`);
      await readersSeeChange(tx, actor.schoolId, [articleId]);
      changes = { editorsNote: { before: before.editorsNote, after: decision.note } };
    } else if (decision.outcome === 'ANONYMIZED') {
      const stories = await anonymizeStories(tx, actor, decision.names, decision.replacement);
      if (stories.length === 0) return fail(422, 'No story of the paper names anyone that way; check how the story writes the name.', { names: 'No story of the paper has this name.' });
      changes = { names: decision.names, replacement: decision.replacement, stories: stories as unknown as Prisma.InputJsonValue[] };
    } else {
      const before = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { publishedRevisionId: true } });
      await tx.article.update({ where: { id: articleId }, data: { status: 'UNPUBLISHED', publishedRevisionId: null, unpublishedAt: new Date(), unpublishedNotice: decision.notice } });
      await audit('unpublish', `Unpublished on a reader’s request. Readers see: ${decision.notice}`, 'UNPUBLISHED');
      await readersSeeChange(tx, actor.schoolId, [articleId]);
      changes = { unpublishedRevisionId: before.publishedRevisionId, notice: decision.notice };
    }
    await tx.removalRequest.update({
      where: { id },
      data: {
        status: 'DECIDED',
        outcome: decision.outcome,
        publicReason: decision.publicReason || null,
        privateReason: decision.privateReason || null,
        changes,
        decidedById: actor.membershipId,
        decidedAt: new Date(),
      },
    });
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { newspaperName: true } });
    await queueMail(tx, {
      schoolId: actor.schoolId,
      to: requesterEmail,
      subject: `${school.newspaperName}: your request about “${headline}”`,
      text: [
        `Dear ${requesterName},`,
        `The editors of ${school.newspaperName} have decided your request about “${headline}”: ${OUTCOME_LABELS[decision.outcome].toLowerCase()}.`,
        ...(decision.publicReason ? [decision.publicReason] : []),
        `— ${actor.displayName}, for ${school.newspaperName}`,
      ].join('\n\n'),
    });
    return ok({ outcome: decision.outcome, changed: decision.outcome === 'ANONYMIZED' ? ((changes as { stories: unknown[] }).stories?.length ?? 0) : 1 });
  });
}
