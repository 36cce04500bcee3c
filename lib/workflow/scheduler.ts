// Scheduled publishing. The schedule lives in the database (articles.scheduledFor), not in a
// timer, so a restart loses nothing: on start and then every few seconds, every article whose
// time has come is published. Row locks with SKIP LOCKED let several app servers run this at once
// without publishing anything twice.
import { PLATFORM, asBackgroundWork, transactionFor, actAsTenant } from '../db.ts';
import { makeLive, workflowArticleFields, workflowSchoolFields } from './transitions.ts';

/** Publishes what is due; returns the ids published. */
export async function publishDueArticles(now = new Date()): Promise<string[]> {
  const published: string[] = [];
  for (;;) {
    const id = await transactionFor(PLATFORM, async (tx) => {
      const due = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM articles WHERE status = 'SCHEDULED' AND "scheduledFor" <= ${now}
        ORDER BY "scheduledFor" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return null;
      // The scan spans schools; publishing the one found is that school's business alone.
      const schoolId = (await tx.$queryRaw<{ schoolId: string }[]>`SELECT "schoolId" FROM articles WHERE id = ${due[0]!.id}`)[0]!.schoolId;
      await actAsTenant(tx, schoolId);
      const article = await tx.article.findUniqueOrThrow({ where: { id: due[0]!.id }, select: workflowArticleFields });
      const school = await tx.school.findUniqueOrThrow({ where: { id: article.schoolId }, select: workflowSchoolFields });
      const result = await makeLive(tx, null, article, school, { action: 'scheduledPublish' });
      if (!result.ok) {
        // Changed since approval (cannot happen through the app, which voids the approval on
        // edit): take it off the schedule rather than retry it forever.
        await tx.article.update({ where: { id: article.id }, data: { status: 'SUBMITTED', scheduledFor: null, approvedRevisionId: null, approvedContentHash: null } });
      }
      return article.id;
    });
    if (!id) return published;
    published.push(id);
  }
}

export interface RunningScheduler {
  stop(): void;
}

/** Runs publishDueArticles now and every `intervalMs`; errors are logged, never fatal. */
export function startPublishScheduler(options: { intervalMs?: number; onPublished?: (ids: string[]) => void } = {}): RunningScheduler {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ids = await asBackgroundWork(() => publishDueArticles());
      if (ids.length > 0) options.onPublished?.(ids);
    } catch (error) {
      console.error('[masthead] scheduled publishing failed:', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 15_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
