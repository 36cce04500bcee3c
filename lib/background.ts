// Work the app server does on its own: scheduled publishing, imports started from the settings
// page, purging the CDN when one is configured and, when SMTP is configured, sending the outbox
// and newsletters. Each reads its work from the database, so
// a restart resumes where it stopped, and each runs on its own small connection pool
// (asBackgroundWork), so requests and background work cannot starve each other of connections.
import { asBackgroundWork } from './db.ts';
import { sendPendingMail, smtpConfigured } from './notifications/mailer.ts';
import { startPublishScheduler } from './workflow/scheduler.ts';
import { runQueuedImports } from './wordpress/jobs.ts';
import { runNewsletterSends } from './newsletters/delivery.ts';
import { purgeSettingsFromEnvironment } from './serving/cdn.ts';
import { sendQueuedPurges } from './serving/cdn-purge.ts';

export function startBackgroundWork(): void {
  if (process.env.MASTHEAD_BACKGROUND === 'off') return;
  const intervalMs = Number(process.env.MASTHEAD_SCHEDULER_INTERVAL_MS ?? 15_000);
  startPublishScheduler({ intervalMs, onPublished: (ids) => console.log(`[masthead] published on schedule: ${ids.join(', ')}`) });
  const purge = purgeSettingsFromEnvironment();
  if (purge) everyInterval('purging the CDN', Number(process.env.MASTHEAD_CDN_PURGE_INTERVAL_MS ?? 1_000), () => sendQueuedPurges(purge));
  everyInterval('running imports', Number(process.env.MASTHEAD_IMPORT_INTERVAL_MS ?? 2_000), () => runQueuedImports());
  if (smtpConfigured()) {
    everyInterval('sending mail', Number(process.env.MASTHEAD_MAIL_INTERVAL_MS ?? 10_000), () => sendPendingMail());
    // Newsletters at a steady rate (MASTHEAD_NEWSLETTER_PER_MINUTE, 600 by default), in rounds.
    const roundMs = Number(process.env.MASTHEAD_NEWSLETTER_INTERVAL_MS ?? 1_000);
    const perRound = Math.max(1, Math.round((Number(process.env.MASTHEAD_NEWSLETTER_PER_MINUTE ?? 600) * roundMs) / 60_000));
    const staleMs = Number(process.env.MASTHEAD_NEWSLETTER_STALE_MS ?? 120_000);
    everyInterval('sending newsletters', roundMs, () => runNewsletterSends({ perRound, staleMs }));
  }
}

/** Runs `work` on the background pool every `intervalMs`, one round at a time: a slow SMTP server
 * must not have two rounds send the same message, nor a long import be started twice. */
function everyInterval(what: string, intervalMs: number, work: () => Promise<unknown>): void {
  let running = false;
  const round = () => {
    if (running) return;
    running = true;
    asBackgroundWork(work)
      .catch((error) => console.error(`[masthead] ${what} failed:`, error))
      .finally(() => (running = false));
  };
  setInterval(round, intervalMs).unref();
}
