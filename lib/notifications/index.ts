// Telling people what happened: an in-app inbox row per recipient, and an e-mail in the outbox
// (sent through SMTP when it is configured, shown on the development outbox page otherwise).
import { type Prisma, dbFor } from '../db.ts';
import type { Actor } from '../auth/actor.ts';

export { sendPendingMail, smtpConfigured, listOutbox } from './mailer.ts';

export interface Notice {
  kind: string;
  articleId: string | null;
  message: string;
  /** Path inside the school, e.g. /newsroom/articles/<id>; the mail carries the full link. */
  link: string;
}

export async function notify(tx: Prisma.TransactionClient, school: { id: string; slug: string; newspaperName: string }, recipientIds: readonly string[], notice: Notice): Promise<void> {
  const recipients = await tx.membership.findMany({
    where: { schoolId: school.id, id: { in: [...new Set(recipientIds)] }, status: 'ACTIVE' },
    select: { id: true, user: { select: { email: true } } },
  });
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((recipient) => ({ schoolId: school.id, recipientId: recipient.id, kind: notice.kind, articleId: notice.articleId, message: notice.message })),
  });
  for (const recipient of recipients) {
    await queueMail(tx, {
      schoolId: school.id,
      to: recipient.user.email,
      subject: `[${school.newspaperName}] ${notice.message}`,
      text: `${notice.message}\n\n${appUrl(`/${school.slug}${notice.link}`)}\n\n— Masthead, for ${school.newspaperName}`,
    });
  }
}

/** An absolute link into the app, for mail. */
export function appUrl(path: string): string {
  return `${(process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '')}${path}`;
}

/** Puts a message in the outbox, in the caller's transaction: it is sent only if that commits. */
export async function queueMail(tx: Prisma.TransactionClient, mail: { schoolId?: string | null; to: string; subject: string; text: string }): Promise<void> {
  await tx.outboxEmail.create({ data: { schoolId: mail.schoolId ?? null, to: mail.to, subject: mail.subject, text: mail.text } });
}

export async function listInbox(actor: Actor, options: { take?: number } = {}) {
  return dbFor(actor.schoolId).notification.findMany({
    where: { schoolId: actor.schoolId, recipientId: actor.membershipId },
    orderBy: { createdAt: 'desc' },
    take: options.take ?? 50,
    select: { id: true, kind: true, articleId: true, message: true, readAt: true, createdAt: true },
  });
}

export async function unreadCount(actor: Actor): Promise<number> {
  return dbFor(actor.schoolId).notification.count({ where: { schoolId: actor.schoolId, recipientId: actor.membershipId, readAt: null } });
}

export async function markInboxRead(actor: Actor): Promise<void> {
  await dbFor(actor.schoolId).notification.updateMany({ where: { schoolId: actor.schoolId, recipientId: actor.membershipId, readAt: null }, data: { readAt: new Date() } });
}
