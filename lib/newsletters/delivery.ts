// Sending newsletters, in the background (lib/background.ts), through the same SMTP transport as
// all mail. Each send is rendered once when it starts and a delivery row is made for every
// confirmed reader on its list, so a restart carries on with the same message to those not yet
// reached. Never twice to one address for one send: a delivery is claimed (QUEUED → SENDING,
// committed) before it goes to SMTP and marked SENT after; one left SENDING by a stopped server
// may or may not have gone, so it is not tried again but reported. Throttled to a rate, so a
// school's list does not flood its mail provider.
import { PLATFORM, dbFor, transactionFor } from '../db.ts';
import { MailRefused, sendMessage } from '../notifications/mailer.ts';
import { NEWSLETTER_LISTS } from './lists.ts';
import { personalize } from './render.ts';
import { renderSend } from './sends.ts';
import { oneClickUnsubscribeUrl, suppressAddress, unsubscribeUrl } from './subscribers.ts';

export const INTERRUPTED = 'The server stopped while handing this message to the mail server; it may or may not have arrived, and is not sent again.';

export interface DeliveryOptions {
  /** At most this many messages per round (the rate limit, with the round's interval). */
  perRound: number;
  /** A delivery claimed longer ago than this, and not finished, was interrupted. */
  staleMs?: number;
}

/** One round: start the sends that are due, send up to `perRound` messages, finish what is done. */
export async function runNewsletterSends(options: DeliveryOptions): Promise<{ started: number; sent: number; failed: number }> {
  const started = await startDueSends();
  await dbFor(PLATFORM).newsletterDelivery.updateMany({
    where: { status: 'SENDING', attemptedAt: { lt: new Date(Date.now() - (options.staleMs ?? 120_000)) } },
    data: { status: 'FAILED', error: INTERRUPTED },
  });
  const { sent, failed } = await sendClaimed(await claim(options.perRound));
  await finishSends();
  return { started, sent, failed };
}

async function startDueSends(): Promise<number> {
  const due = await dbFor(PLATFORM).newsletterSend.findMany({
    where: { status: 'SCHEDULED', scheduledFor: { lte: new Date() } },
    orderBy: { scheduledFor: 'asc' },
    take: 5,
    select: { id: true, schoolId: true },
  });
  let started = 0;
  for (const { id, schoolId } of due) {
    await transactionFor(
      schoolId,
      async (tx) => {
        // Claimed by one server only: a second that found it due too changes nothing here.
        const claimed = await tx.newsletterSend.updateMany({ where: { id, status: 'SCHEDULED' }, data: { status: 'SENDING', startedAt: new Date() } });
        if (claimed.count === 0) return;
        const send = await tx.newsletterSend.findUniqueOrThrow({ where: { id } });
        const { html, text } = await renderSend(tx, schoolId, send);
        await tx.newsletterSend.update({ where: { id }, data: { html, text } });
        await tx.$executeRaw`
          INSERT INTO newsletter_deliveries (id, "schoolId", "sendId", "subscriberId")
          SELECT gen_random_uuid()::text, s."schoolId", ${id}, s.id FROM subscribers s
          WHERE s."schoolId" = ${schoolId} AND s.status = 'ACTIVE' AND ${send.list}::"NewsletterList" = ANY(s.lists)
          ON CONFLICT ("sendId", "subscriberId") DO NOTHING`;
        started++;
      },
      { timeout: 60_000 },
    );
  }
  return started;
}

interface Claimed {
  id: string;
  schoolId: string;
  sendId: string;
  subscriberId: string;
}

/** Marks up to `limit` waiting deliveries as being sent, committed before any of them is. */
function claim(limit: number): Promise<Claimed[]> {
  return dbFor(PLATFORM).$queryRaw<Claimed[]>`
    UPDATE newsletter_deliveries d SET status = 'SENDING', "attemptedAt" = now()
    WHERE d.id IN (SELECT id FROM newsletter_deliveries WHERE status = 'QUEUED' ORDER BY "sendId", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d."schoolId", d."sendId", d."subscriberId"`;
}

async function sendClaimed(claimed: Claimed[]): Promise<{ sent: number; failed: number }> {
  const sends = new Map<string, Awaited<ReturnType<typeof loadSend>>>();
  let sent = 0;
  let failed = 0;
  for (const delivery of claimed) {
    const db = dbFor(delivery.schoolId);
    if (!sends.has(delivery.sendId)) sends.set(delivery.sendId, await loadSend(delivery.schoolId, delivery.sendId));
    const send = sends.get(delivery.sendId)!;
    const subscriber = await db.subscriber.findFirst({ where: { schoolId: delivery.schoolId, id: delivery.subscriberId }, select: { email: true, status: true, unsubscribeToken: true } });
    if (!send?.html || !send.text || subscriber?.status !== 'ACTIVE') {
      await db.newsletterDelivery.update({
        where: { id: delivery.id },
        data: { status: 'FAILED', error: subscriber?.status === 'ACTIVE' ? 'The send has no message.' : 'Left the list before this was sent.' },
      });
      failed++;
      continue;
    }
    const oneClick = oneClickUnsubscribeUrl(send.school, subscriber.unsubscribeToken);
    const leave = unsubscribeUrl(send.school, subscriber.unsubscribeToken);
    try {
      await sendMessage({
        to: subscriber.email,
        subject: send.subject,
        html: personalize(send.html, leave),
        text: personalize(send.text, leave),
        headers: {
          'List-Unsubscribe': `<${oneClick}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'List-Id': `${NEWSLETTER_LISTS[send.list].label} from ${send.school.newspaperName} <${send.list.toLowerCase().replace(/_/g, '-')}.${send.school.slug}.newsletter>`,
          Precedence: 'bulk',
        },
      });
      await db.newsletterDelivery.update({ where: { id: delivery.id }, data: { status: 'SENT', sentAt: new Date(), error: null } });
      sent++;
    } catch (error) {
      const refused = error instanceof MailRefused ? error : new MailRefused(String(error), false);
      if (refused.permanent) await suppressAddress(subscriber.email, `The mail server refused it: ${refused.message}`);
      // A temporary refusal was not accepted by SMTP, so trying again later cannot send it twice.
      await db.newsletterDelivery.update({ where: { id: delivery.id }, data: { status: refused.permanent ? 'FAILED' : 'QUEUED', error: refused.message } });
      if (refused.permanent) failed++;
    }
  }
  return { sent, failed };
}

function loadSend(schoolId: string, sendId: string) {
  return dbFor(schoolId).newsletterSend.findFirst({
    where: { schoolId, id: sendId },
    select: { subject: true, list: true, html: true, text: true, school: { select: { slug: true, newspaperName: true } } },
  });
}

/** Sends with nothing left to deliver are done. */
async function finishSends(): Promise<void> {
  await dbFor(PLATFORM).$executeRaw`
    UPDATE newsletter_sends s SET status = 'SENT', "finishedAt" = now()
    WHERE s.status = 'SENDING' AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d."sendId" = s.id AND d.status IN ('QUEUED', 'SENDING'))`;
}
