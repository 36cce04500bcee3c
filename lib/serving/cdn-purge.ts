// Purging the CDN (lib/serving/cdn.ts names the keys). On every change readers can see, the purge
// is queued in the same transaction as the change (lib/articles/live.ts), so it exists exactly
// when the change committed, and one background round (whichever instance claims it) sends it to
// MASTHEAD_CDN_PURGE_URL; a failed purge is retried with growing pauses, so a CDN outage delays
// freshness but never loses it.
import { transactionFor, PLATFORM, type Prisma } from '../db.ts';
import { purgeSettingsFromEnvironment, schoolSurrogateKey, storySurrogateKey, type PurgeSettings } from './cdn.ts';

/** Queues the purge of a school's pages (and, by name, of the stories changed), inside the
 * transaction that changes them. */
export async function queueCdnPurge(tx: Prisma.TransactionClient, schoolId: string, schoolSlug: string, articleIds: readonly string[]): Promise<void> {
  if (!purgeSettingsFromEnvironment()) return;
  const stories = articleIds.length ? await tx.article.findMany({ where: { id: { in: [...articleIds] } }, select: { slug: true } }) : [];
  const keys = [schoolSurrogateKey(schoolSlug), ...stories.map((story) => storySurrogateKey(schoolSlug, story.slug))];
  await tx.cdnPurge.create({ data: { schoolId, keys } });
}

const PURGE_TIMEOUT_MS = 5_000;
const MAX_KEYS_PER_REQUEST = 256;

export interface PurgeRound {
  sent: number;
  failed: number;
}

/** Sends the purges that are due, in as few requests as their keys allow. Rows are claimed with
 * SKIP LOCKED, so two instances never send the same one; sent rows are deleted, failed ones wait
 * 2^attempts seconds (at most ten minutes) before the next try. */
export async function sendQueuedPurges(settings: PurgeSettings, batch = 500): Promise<PurgeRound> {
  return transactionFor(
    PLATFORM,
    async (tx) => {
      const due = await tx.$queryRaw<{ id: bigint; keys: string[]; attempts: number }[]>`
        SELECT id, keys, attempts FROM cdn_purges WHERE "nextAttemptAt" <= now() ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
      if (due.length === 0) return { sent: 0, failed: 0 };
      const keys = [...new Set(due.flatMap((row) => row.keys))];
      let failure: string | null = null;
      for (let start = 0; start < keys.length && !failure; start += MAX_KEYS_PER_REQUEST) {
        failure = await postPurge(settings, keys.slice(start, start + MAX_KEYS_PER_REQUEST));
      }
      const ids = due.map((row) => row.id);
      if (!failure) {
        await tx.cdnPurge.deleteMany({ where: { id: { in: ids } } });
        return { sent: due.length, failed: 0 };
      }
      await tx.$executeRaw`
        UPDATE cdn_purges SET attempts = attempts + 1, "lastError" = ${failure},
          "nextAttemptAt" = now() + least(power(2, attempts + 1), 600) * interval '1 second'
        WHERE id = ANY(${ids}::bigint[])`;
      return { sent: 0, failed: due.length };
    },
    { timeout: 60_000 },
  );
}

/** Null when the CDN accepted the purge, else why not. */
async function postPurge(settings: PurgeSettings, keys: string[]): Promise<string | null> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'surrogate-key': keys.join(' ') };
  if (settings.header) {
    const colon = settings.header.indexOf(':');
    headers[settings.header.slice(0, colon).trim().toLowerCase()] = settings.header.slice(colon + 1).trim();
  }
  try {
    const response = await fetch(settings.url, { method: 'POST', headers, body: JSON.stringify({ tags: keys }), signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? null : `the CDN answered ${response.status}`;
  } catch (error) {
    return `the CDN could not be reached: ${error instanceof Error ? error.message : String(error)}`;
  }
}
