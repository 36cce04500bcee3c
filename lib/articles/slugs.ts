import type { Prisma } from '../db.ts';

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
}

/** `base`, or the first of base-2, base-3, … that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A URL slug for the headline that no other article of the school uses ("robotics-final-2"). */
export async function uniqueArticleSlug(tx: Prisma.TransactionClient, schoolId: string, headline: string, articleId: string | null): Promise<string> {
  const base = slugify(headline) || 'untitled';
  // Two stories started at once with one headline would both find "base" free and one would fail
  // on the unique index: whoever comes second waits here, until the first commits its slug.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`article-slug:${schoolId}:${base}`}))`;
  const taken = await tx.article.findMany({
    where: { schoolId, slug: { startsWith: base }, ...(articleId ? { id: { not: articleId } } : {}) },
    select: { slug: true },
  });
  return firstFreeSlug(base, new Set(taken.map((row) => row.slug)));
}
