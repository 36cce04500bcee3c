// Background work of the app server: scheduled publishing and, when SMTP is configured, sending
// the outbox. Both read their work from the database, so a restart resumes where it stopped.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.MASTHEAD_BACKGROUND === 'off') return;
  const { startPublishScheduler } = await import('./lib/workflow/scheduler.ts');
  const { sendPendingMail, smtpConfigured } = await import('./lib/notifications/mailer.ts');
  const intervalMs = Number(process.env.MASTHEAD_SCHEDULER_INTERVAL_MS ?? 15_000);
  startPublishScheduler({ intervalMs, onPublished: (ids) => console.log(`[masthead] published on schedule: ${ids.join(', ')}`) });
  if (smtpConfigured()) {
    const timer = setInterval(() => void sendPendingMail().catch((error) => console.error('[masthead] sending mail failed:', error)), 10_000);
    timer.unref();
  }
}
