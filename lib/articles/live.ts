// What must happen whenever readers' view of a school changes (an article goes live or leaves, a
// correction, an issue, a byline's name or bio): what readers find the articles by follows (their
// search index and the members they credit, lib/search/index-article.ts), and the school's content
// version moves on, which retires every cached reader page of that school: the data cached in each
// process (keyed by the version) and, through a NOTIFY delivered when the transaction commits, the
// finished pages the production server keeps (lib/page-cache), and, behind a CDN, a purge of the
// school's pages queued in the same transaction (lib/serving/cdn-purge.ts).
import { afterCommit, type Prisma } from '../db.ts';
import { retireSchool } from '../tenants/school-cache.ts';
import { READER_CONTENT_CHANNEL } from '../page-cache/index.ts';
import { refreshReaderIndex } from '../search/index-article.ts';
import { queueCdnPurge } from '../serving/cdn-purge.ts';

export async function readersSeeChange(tx: Prisma.TransactionClient, schoolId: string, articleIds: readonly string[] = []): Promise<void> {
  await refreshReaderIndex(tx, articleIds);
  const [changed] = await tx.$queryRaw<{ slug: string }[]>`
    WITH changed AS (UPDATE schools SET "contentVersion" = "contentVersion" + 1 WHERE id = ${schoolId} RETURNING slug),
      notified AS (SELECT pg_notify(${READER_CONTENT_CHANNEL}, slug) FROM changed)
    SELECT slug FROM changed, notified`;
  if (!changed) return;
  // This process's copy of the school goes as soon as the change commits: the writer's next request
  // (a reload right after a logo upload) must not be answered before the NOTIFY arrives.
  afterCommit(tx, () => retireSchool(changed.slug));
  await queueCdnPurge(tx, schoolId, changed.slug, articleIds);
}
