// Sending newsletters, in the background (lib/background.ts), through the same SMTP transport as
// all mail. Each send is rendered once when it starts and a delivery row is made for every
// confirmed reader on its list, so a restart carries on with the same message to those not yet
// reached. Never twice to one address for one send: a delivery is claimed (QUEUED → SENDING,
// committed) before it goes to SMTP and marked SENT after; one left SENDING by a stopped server
// may or may not have gone, so it is not tried again but reported. Throttled to a rate, so a
// school's list does not flood its mail provider.
import { PLATFORM, actAsTenant, dbFor, transactionFor } from '../db.ts';
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

/** Starts the sends that are due, one transaction each: claimed (SKIP LOCKED, so a server that
 * hangs while starting one holds up no other), rendered, and given a delivery per reader. */
async function startDueSends(): Promise<number> {
  let started = 0;
  while (started < 5) {
    const claimed = await transactionFor(
      PLATFORM,
      async (tx) => {
        const [send] = await tx.$queryRaw<{ id: string; schoolId: string }[]>`
          UPDATE newsletter_sends SET status = 'SENDING', "startedAt" = now()
          WHERE id = (SELECT id FROM newsletter_sends WHERE status = 'SCHEDULED' AND "scheduledFor" <= now() ORDER BY "scheduledFor" LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, "schoolId"`;
        if (!send) return false;
        // Found across schools; from here on, that school's alone.
        await actAsTenant(tx, send.schoolId);
        const content = await tx.newsletterSend.findUniqueOrThrow({ where: { id: send.id } });
        const { html, text } = await renderSend(tx, send.schoolId, content);
        await tx.newsletterSend.update({ where: { id: send.id }, data: { html, text } });
        await tx.$executeRaw`
          INSERT INTO newsletter_deliveries (id, "schoolId", "sendId", "subscriberId")
          SELECT gen_random_uuid()::text, s."schoolId", ${send.id}, s.id FROM subscribers s
          WHERE s."schoolId" = ${send.schoolId} AND s.status = 'ACTIVE' AND ${content.list}::"NewsletterList" = ANY(s.lists)
          ON CONFLICT ("sendId", "subscriberId") DO NOTHING`;
        return true;
      },
      { timeout: 60_000 },
    );
    if (!claimed) break;
    started++;
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
