// Sends mail through SMTP when SMTP_URL is set (smtp://user:password@host:587, or smtps:// for
// implicit TLS). Mail is written to the outbox in the same transaction as what it reports, so a
// crash between the two never sends mail about something that did not happen. Newsletters
// (lib/newsletters/delivery.ts) go through the same transport with their own bookkeeping.
import nodemailer, { type Transporter } from 'nodemailer';
import { PLATFORM, dbFor, transactionFor } from '../db.ts';

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Why a message was not sent: `permanent` when the receiving server refused the address itself
 * (a 5xx answer: no such mailbox), which will not change by trying again. */
export class MailRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Hands one message to SMTP; throws MailRefused when it is not accepted. */
export async function sendMessage(message: OutgoingMessage): Promise<void> {
  const mailer = transporter();
  if (!mailer) throw new MailRefused('SMTP is not configured', false);
  try {
    await mailer.sendMail({ from: process.env.MAIL_FROM ?? 'Masthead <no-reply@masthead.invalid>', ...message });
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    throw new MailRefused(String((error as Error).message).slice(0, 500), code !== undefined && code >= 500 && code < 600);
  }
}

/** Sends every unsent message once; failures keep their error and are retried on the next run. */
/** Sends what waits in the outbox, oldest first. Each message is claimed in a transaction of its
 * own (FOR UPDATE SKIP LOCKED) and marked sent in it, so several app instances sending at once
 * never send one message twice; one that fails keeps its error and is tried again next round. */
export async function sendPendingMail(options: { take?: number } = {}): Promise<{ sent: number; failed: number }> {
  if (!smtpConfigured()) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  const tried: string[] = [];
  for (let round = 0; round < (options.take ?? 50); round++) {
    const outcome = await transactionFor(
      PLATFORM,
      async (tx) => {
        const [message] = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string }[]>`
          SELECT id, "to", subject, text FROM outbox_emails
          WHERE "sentAt" IS NULL AND NOT (id = ANY(${tried}::text[]))
          ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!message) return null;
        tried.push(message.id);
        try {
          await sendMessage({ to: message.to, subject: message.subject, text: message.text });
          await tx.outboxEmail.update({ where: { id: message.id }, data: { sentAt: new Date(), error: null } });
          return 'sent' as const;
        } catch (error) {
          await tx.outboxEmail.update({ where: { id: message.id }, data: { error: (error as Error).message } });
          return 'failed' as const;
        }
      },
      // An SMTP server may take its time; the row stays locked (not blocked: skipped) meanwhile.
      { timeout: 60_000 },
    );
    if (outcome === null) break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}

export async function listOutbox(options: { take?: number } = {}) {
  return dbFor(PLATFORM).outboxEmail.findMany({ orderBy: { createdAt: 'desc' }, take: options.take ?? 100 });
}
