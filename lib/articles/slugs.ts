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
  const [slug] = await uniqueArticleSlugs(tx, schoolId, [{ headline, articleId }]);
  return slug!;
}

/** Free slugs for several articles at once (an import's batch), in two or three statements
 * whatever the count; two of the batch with one headline get base and base-2. */
export async function uniqueArticleSlugs(tx: Prisma.TransactionClient, schoolId: string, wanted: readonly { headline: string; articleId: string | null }[]): Promise<string[]> {
  const bases = wanted.map((entry) => slugify(entry.headline) || 'untitled');
  const distinct = [...new Set(bases)].sort();
  // Two stories started at once with one headline would both find "base" free and one would fail
  // on the unique index: whoever comes second waits here, until the first commits its slug. The
  // locks are taken in sorted order, so two batches cannot each hold what the other waits for.
  const keys = distinct.map((base) => `article-slug:${schoolId}:${base}`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(key)) FROM unnest(${keys}::text[]) AS key`;
  const ownIds = wanted.flatMap((entry) => (entry.articleId ? [entry.articleId] : []));
  const others = { schoolId, ...(ownIds.length > 0 ? { id: { notIn: ownIds } } : {}) };
  // The bases themselves first (by the unique index): an import's slugs are usually all free.
  // Only a base that is taken, or wanted twice, needs its numbered siblings ("base-2", …), which
  // takes a scan of the school's slugs.
  const takenBases = await tx.article.findMany({ where: { ...others, slug: { in: distinct } }, select: { slug: true } });
  const numberedBases = new Set([...takenBases.map((row) => row.slug), ...bases.filter((base, at) => bases.indexOf(base) !== at)]);
  const numbered =
    numberedBases.size > 0 ? await tx.article.findMany({ where: { ...others, OR: [...numberedBases].map((base) => ({ slug: { startsWith: `${base}-` } })) }, select: { slug: true } }) : [];
  const taken = [...takenBases, ...numbered];
  const used = new Set(taken.map((row) => row.slug));
  return bases.map((base) => {
    const slug = firstFreeSlug(base, used);
    used.add(slug);
    return slug;
  });
}
