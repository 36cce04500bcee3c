// Sends the outbox through SMTP when SMTP_URL is set (smtp://user:password@host:587, or smtps://
// for implicit TLS). Mail is written to the outbox in the same transaction as what it reports, so
// a crash between the two never sends mail about something that did not happen.
import nodemailer, { type Transporter } from 'nodemailer';
import { PLATFORM, dbFor } from '../db.ts';

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

/** Sends every unsent message once; failures keep their error and are retried on the next run. */
export async function sendPendingMail(options: { take?: number } = {}): Promise<{ sent: number; failed: number }> {
  const mailer = transporter();
  if (!mailer) return { sent: 0, failed: 0 };
  const pending = await dbFor(PLATFORM).outboxEmail.findMany({ where: { sentAt: null }, orderBy: { createdAt: 'asc' }, take: options.take ?? 50 });
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      await mailer.sendMail({ from: process.env.MAIL_FROM ?? 'Masthead <no-reply@masthead.invalid>', to: message.to, subject: message.subject, text: message.text });
      await dbFor(PLATFORM).outboxEmail.update({ where: { id: message.id }, data: { sentAt: new Date(), error: null } });
      sent++;
    } catch (error) {
      await dbFor(PLATFORM).outboxEmail.update({ where: { id: message.id }, data: { error: String((error as Error).message).slice(0, 500) } });
      failed++;
    }
  }
  return { sent, failed };
}

export async function listOutbox(options: { take?: number } = {}) {
  return dbFor(PLATFORM).outboxEmail.findMany({ orderBy: { createdAt: 'desc' }, take: options.take ?? 100 });
}
