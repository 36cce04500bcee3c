// Work the app server does on its own: scheduled publishing and, when SMTP is configured, sending
// the outbox. Both read their work from the database, so a restart resumes where it stopped, and
// both run on their own small connection pool (asBackgroundWork), so requests and background work
// cannot starve each other of connections.
import { asBackgroundWork } from './db.ts';
import { sendPendingMail, smtpConfigured } from './notifications/mailer.ts';
import { startPublishScheduler } from './workflow/scheduler.ts';

export function startBackgroundWork(): void {
  if (process.env.MASTHEAD_BACKGROUND === 'off') return;
  const intervalMs = Number(process.env.MASTHEAD_SCHEDULER_INTERVAL_MS ?? 15_000);
  startPublishScheduler({ intervalMs, onPublished: (ids) => console.log(`[masthead] published on schedule: ${ids.join(', ')}`) });
  if (smtpConfigured()) {
    const mailIntervalMs = Number(process.env.MASTHEAD_MAIL_INTERVAL_MS ?? 10_000);
    // One round at a time: a slow SMTP server must not have two rounds send the same message.
    let sending = false;
    const sendRound = () => {
      if (sending) return;
      sending = true;
      asBackgroundWork(() => sendPendingMail())
        .catch((error) => console.error('[masthead] sending mail failed:', error))
        .finally(() => (sending = false));
    };
    const timer = setInterval(sendRound, mailIntervalMs);
    timer.unref();
  }
}
