// Readers' comments on a story: off until the school turns them on (and each story may close its
// own). Every comment waits for its writer to confirm their address, then for an editor; only
// approved comments are shown, and an approved comment retires the cached page. Editors reject
// with a reason, and may block an address, which can then never post here again; readers can
// report an approved comment, which puts it back in front of the editors.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { dbFor, readsFor, transactionFor, type Prisma } from '../db.ts';
import type { CommenterNamePolicy } from '../generated/prisma/enums.ts';
import { appUrl, notify, queueMail } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { hashToken, isPlausibleToken, newReaderToken, ReaderEmail } from '../readers/confirmation.ts';
import { commenterName } from './policy.ts';

const PER_ADDRESS_PER_HOUR = 5;
const UNCONFIRMED_PER_SCHOOL_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;
export const COMMENT_MAX_LENGTH = 2000;

interface School {
  id: string;
  slug: string;
  newspaperName: string;
  commentsEnabled: boolean;
  commenterNamePolicy: CommenterNamePolicy;
}

export const ReaderCommentInput = z.object({
  story: z.string().trim().min(1, 'Say which story this is about.').max(300),
  name: z.string().max(200),
  email: ReaderEmail,
  body: z
    .string()
    .trim()
    .min(2, 'Write your comment.')
    .max(COMMENT_MAX_LENGTH, `A comment is at most ${COMMENT_MAX_LENGTH.toLocaleString('en-US')} characters.`),
});

/** Whether a story takes comments: the school's switch and the story's own. */
export function commentsOpen(school: { commentsEnabled: boolean }, article: { commentsOpen: boolean }): boolean {
  return school.commentsEnabled && article.commentsOpen;
}

async function openStory(tx: Prisma.TransactionClient, school: School, slug: string) {
  const article = await tx.article.findFirst({
    where: { schoolId: school.id, slug, publishedRevisionId: { not: null } },
    select: { id: true, slug: true, commentsOpen: true, publishedRevision: { select: { headline: true } } },
  });
  if (!article) return missing('article');
  if (!commentsOpen(school, article)) return fail(403, 'Comments are closed on this story.');
  return ok({ ...article, headline: article.publishedRevision!.headline });
}

/** The story a comment form is for, if it takes comments (for the form's page). */
export async function storyOpenForComments(school: School, slug: string) {
  return readsFor(school.id, (tx) => openStory(tx, school, slug));
}

/** Files a comment (unconfirmed) and mails its confirmation link. */
export async function submitReaderComment(school: School, input: unknown): Promise<Result<{ email: string }>> {
  const parsed = parseInput(ReaderCommentInput, input);
  if (!parsed.ok) return parsed;
  const { story, email, body } = parsed.data;
  const name = commenterName(school.commenterNamePolicy, parsed.data.name);
  if (!name.ok) return fail(422, 'Some fields need attention.', { name: name.error });
  const { token, hash } = newReaderToken();
  return transactionFor(school.id, async (tx) => {
    const article = await openStory(tx, school, story);
    if (!article.ok) return article;
    if (await tx.blockedCommenter.findUnique({ where: { schoolId_email: { schoolId: school.id, email } } })) return fail(403, `This address may not comment in ${school.newspaperName}.`);
    const lastHour = new Date(Date.now() - HOUR_MS);
    if ((await tx.readerComment.count({ where: { schoolId: school.id, email, createdAt: { gte: lastHour } } })) >= PER_ADDRESS_PER_HOUR)
      return fail(429, `This address has written ${PER_ADDRESS_PER_HOUR} comments in the last hour; please wait a while before writing another.`);
    if ((await tx.readerComment.count({ where: { schoolId: school.id, status: 'UNCONFIRMED', createdAt: { gte: lastHour } } })) >= UNCONFIRMED_PER_SCHOOL_PER_HOUR)
      return fail(429, 'The paper has received many comments in the last hour; please try again later.');
    await tx.readerComment.create({ data: { schoolId: school.id, articleId: article.data.id, authorName: name.name, email, body, confirmTokenHash: hash } });
    await queueMail(tx, {
      schoolId: school.id,
      to: email,
      subject: `Confirm your comment to ${school.newspaperName}`,
      text: `You (or someone using this address) wrote a comment on “${article.data.headline}” in ${school.newspaperName}.\n\nTo send it to the editors, who read every comment before it appears, confirm it here:\n\n${appUrl(`/${school.slug}/comments/confirm?token=${token}`)}\n\nIf it was not you, ignore this message; nothing is shown without the confirmation.`,
    });
    return ok({ email });
  });
}

/** Confirms a comment by its mailed token: it joins the moderation queue, and the story's
 * reporters and the editors are told. A link used twice confirms once. */
export async function confirmReaderComment(school: School, token: string): Promise<Result<{ headline: string }>> {
  if (!isPlausibleToken(token)) return missing('comment');
  return transactionFor(school.id, async (tx) => {
    const comment = await tx.readerComment.findFirst({
      where: { schoolId: school.id, confirmTokenHash: hashToken(token), status: 'UNCONFIRMED' },
      select: { id: true, email: true, article: { select: { id: true, publishedRevision: { select: { headline: true } }, bylines: { select: { membershipId: true } } } } },
    });
    if (!comment) return fail(404, 'This link was already used or is not one of ours. If you wrote a comment, the editors have it.');
    if (await tx.blockedCommenter.findUnique({ where: { schoolId_email: { schoolId: school.id, email: comment.email } } }))
      return fail(403, `This address may not comment in ${school.newspaperName}.`);
    await tx.readerComment.update({ where: { id: comment.id }, data: { status: 'PENDING', confirmedAt: new Date(), confirmTokenHash: null } });
    const headline = comment.article.publishedRevision?.headline ?? 'a story';
    const editors = await tx.membership.findMany({ where: { schoolId: school.id, status: 'ACTIVE', role: { in: ['EDITOR', 'ADVISER'] } }, select: { id: true } });
    const reporters = comment.article.bylines.flatMap((byline) => (byline.membershipId ? [byline.membershipId] : []));
    await notify(tx, school, [...reporters, ...editors.map((member) => member.id)], {
      kind: 'reader-comment',
      articleId: comment.article.id,
      message: `A reader commented on “${headline}”; it waits for an editor.`,
      link: '/newsroom/comments',
    });
    return ok({ headline });
  });
}

/** The moderation queue: confirmed comments waiting, then approved ones readers reported since. */
export async function moderationQueue(actor: Actor) {
  const allowed = requirePermission(actor, 'comments.moderate');
  if (!allowed.ok) return allowed;
  const select = {
    id: true,
    authorName: true,
    email: true,
    body: true,
    status: true,
    confirmedAt: true,
    reportCount: true,
    lastReportReason: true,
    article: { select: { id: true, slug: true, publishedRevision: { select: { headline: true } } } },
  } as const;
  return readsFor(actor.schoolId, async (tx) => {
    const waiting = await tx.readerComment.findMany({ where: { schoolId: actor.schoolId, status: 'PENDING' }, orderBy: { confirmedAt: 'asc' }, select, take: 200 });
    const reported = await tx.readerComment.findMany({ where: { schoolId: actor.schoolId, status: 'APPROVED', reportCount: { gt: 0 } }, orderBy: { lastReportedAt: 'desc' }, select, take: 200 });
    const blocked = await tx.blockedCommenter.findMany({ where: { schoolId: actor.schoolId }, orderBy: { createdAt: 'desc' }, select: { email: true, reason: true, createdAt: true }, take: 200 });
    return ok({ waiting, reported, blocked });
  });
}

export const ModerationInput = z.object({
  decision: z.enum(['APPROVE', 'REJECT', 'BLOCK'], { error: 'Choose approve, reject or block.' }),
  reason: z.string().trim().max(500, 'A reason is at most 500 characters.'),
});

export const MODERATION_LABELS = { APPROVE: 'Approve', REJECT: 'Reject', BLOCK: 'Reject and block the address' } as const;

/** Approves, rejects, or rejects and blocks the writer's address (their other waiting comments go
 * too). A rejection and a block need a reason, kept with the comment and the block. */
export async function moderateComment(actor: Actor, commentId: string, input: unknown): Promise<Result<{ status: 'APPROVED' | 'REJECTED' }>> {
  const allowed = requirePermission(actor, 'comments.moderate');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(ModerationInput, input);
  if (!parsed.ok) return parsed;
  const { decision, reason } = parsed.data;
  if (decision !== 'APPROVE' && reason.length < 3) return fail(422, 'Some fields need attention.', { reason: 'Say why, for the record: readers are not shown it.' });
  return transactionFor(actor.schoolId, async (tx) => {
    const comment = await tx.readerComment.findFirst({ where: { schoolId: actor.schoolId, id: commentId, status: { in: ['PENDING', 'APPROVED'] } }, select: { id: true, email: true, status: true } });
    if (!comment) return missing('comment');
    const moderated = { moderatedById: actor.membershipId, moderatedAt: new Date(), reason: reason || null };
    const status = decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
    // Approving a reported comment again clears its reports: the editors have read them.
    await tx.readerComment.update({ where: { id: comment.id }, data: { ...moderated, status, reportCount: 0 } });
    let readersSee = status === 'APPROVED' || comment.status === 'APPROVED';
    if (decision === 'BLOCK') {
      await tx.blockedCommenter.upsert({
        where: { schoolId_email: { schoolId: actor.schoolId, email: comment.email } },
        create: { schoolId: actor.schoolId, email: comment.email, reason, blockedById: actor.membershipId },
        update: { reason, blockedById: actor.membershipId },
      });
      const others = await tx.readerComment.updateMany({
        where: { schoolId: actor.schoolId, email: comment.email, status: { in: ['UNCONFIRMED', 'PENDING', 'APPROVED'] } },
        data: { ...moderated, status: 'REJECTED' },
      });
      readersSee ||= others.count > 0;
    }
    if (readersSee) await readersSeeChange(tx, actor.schoolId);
    return ok({ status });
  });
}

export const ReportInput = z.object({ reason: z.string().trim().max(500, 'At most 500 characters.') });

/** A reader reports an approved comment: it goes back before the editors (and stays up meanwhile). */
export async function reportComment(school: { id: string }, commentId: string, input: unknown): Promise<Result<true>> {
  const parsed = parseInput(ReportInput, input);
  if (!parsed.ok) return parsed;
  if (!commentId || commentId.length > 64) return missing('comment');
  return transactionFor(school.id, async (tx) => {
    const reported = await tx.readerComment.updateMany({
      where: { schoolId: school.id, id: commentId, status: 'APPROVED' },
      data: { reportCount: { increment: 1 }, lastReportedAt: new Date(), lastReportReason: parsed.data.reason || null },
    });
    return reported.count === 1 ? ok(true) : missing('comment');
  });
}

/** An editor unblocks an address. */
export async function unblockCommenter(actor: Actor, email: string): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'comments.moderate');
  if (!allowed.ok) return allowed;
  const removed = await dbFor(actor.schoolId).blockedCommenter.deleteMany({ where: { schoolId: actor.schoolId, email: email.trim().toLowerCase() } });
  return removed.count === 1 ? ok(true) : fail(404, 'That address is not blocked.');
}

/** Opens or closes comments on one story (editors, or the story's authors). */
export async function setStoryComments(actor: Actor, articleId: string, open: boolean): Promise<Result<true>> {
  return transactionFor(actor.schoolId, async (tx) => {
    const article = await tx.article.findFirst({ where: { schoolId: actor.schoolId, id: articleId }, select: { id: true, bylines: { select: { membershipId: true } }, createdById: true } });
    if (!article) return missing('article');
    const author = article.createdById === actor.membershipId || article.bylines.some((byline) => byline.membershipId === actor.membershipId);
    if (!author) {
      const allowed = requirePermission(actor, 'comments.moderate');
      if (!allowed.ok) return allowed;
    }
    await tx.article.update({ where: { id: article.id }, data: { commentsOpen: open } });
    await readersSeeChange(tx, actor.schoolId);
    return ok(true);
  });
}
