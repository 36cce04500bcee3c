// Issues as readers see them: the archive and one issue's contents, ordered by section (in the
// paper's section order) and then by the running order within it.
import { type Prisma, dbFor } from '../db.ts';
import { storedFeaturedImage } from '../articles/featured-image.ts';
import { cachedForReaders, type CacheScope } from '../tenants/reader-cache.ts';
import { volumesOf, type Volume } from './label.ts';

/** The school's published issues, newest first. */
const published = (school: CacheScope) =>
  ({ where: { schoolId: school.id, status: 'PUBLISHED' }, orderBy: [{ issueDate: 'desc' }, { volume: 'desc' }, { number: 'desc' }] }) satisfies Prisma.EditionFindManyArgs;

export function listPublishedEditions(school: CacheScope) {
  return cachedForReaders(school, 'editions', () =>
    dbFor(school.id).edition.findMany({
      ...published(school),
      select: { id: true, volume: true, number: true, title: true, issueDate: true, coverMediaId: true, _count: { select: { items: { where: { article: { publishedRevisionId: { not: null } } } } } } },
    }),
  );
}

/** The latest published issue (the front page's): one row, where the archive reads every issue with
 * a count of its live stories (27 ms for the 500 issues of a long archive at 1M articles). */
export function getLatestPublishedEdition(school: CacheScope) {
  return cachedForReaders(school, 'latest-edition', () => dbFor(school.id).edition.findFirst({ ...published(school), select: { id: true, volume: true, number: true, title: true, issueDate: true } }));
}

/** The volumes of the school's published issues, newest first: the search form's filter. Kept,
 * since a long archive has hundreds of issues to go through (about 0.25 ms a page), and read
 * without the archive's counts of live stories, which the form does not show. */
export function listPublishedVolumes(school: CacheScope): Promise<Volume[]> {
  return cachedForReaders(school, 'volumes', async () => volumesOf(await dbFor(school.id).edition.findMany({ ...published(school), select: { volume: true, issueDate: true } })));
}

export function getPublishedEdition(school: CacheScope, volume: number, number: number) {
  return cachedForReaders(school, `edition:${volume}:${number}`, async () => {
    const edition = await dbFor(school.id).edition.findUnique({
      where: { schoolId_volume_number: { schoolId: school.id, volume, number } },
      select: {
        id: true,
        volume: true,
        number: true,
        title: true,
        issueDate: true,
        status: true,
        items: {
          where: { article: { publishedRevisionId: { not: null } } },
          orderBy: { position: 'asc' },
          select: {
            position: true,
            article: {
              select: { id: true, slug: true, section: { select: { name: true, slug: true, position: true } }, publishedRevision: { select: { headline: true, deck: true, featuredImage: true } } },
            },
          },
        },
      },
    });
    if (!edition || edition.status !== 'PUBLISHED') return null;
    const entries = edition.items.map((item) => ({
      id: item.article.id,
      slug: item.article.slug,
      headline: item.article.publishedRevision!.headline,
      deck: item.article.publishedRevision!.deck,
      image: storedFeaturedImage(item.article.publishedRevision!.featuredImage),
      section: item.article.section,
      position: item.position,
    }));
    // By section in the paper's order (articles without a section last), then the running order.
    entries.sort((a, b) => (a.section?.position ?? 1e6) - (b.section?.position ?? 1e6) || a.position - b.position);
    const sections: { name: string; articles: typeof entries }[] = [];
    for (const entry of entries) {
      const name = entry.section?.name ?? 'More';
      const group = sections.at(-1)?.name === name ? sections.at(-1)! : (sections.push({ name, articles: [] }), sections.at(-1)!);
      group.articles.push(entry);
    }
    return { ...edition, sections };
  });
}
