// What readers may see: only live articles (those with a published revision), and of those only
// the published revision: a pending edit stays in the newsroom, whatever its workflow status,
// until it is approved and published. Unpublishing clears the published revision. Every function
// here is scoped to one school and cached until that school's content changes.
import { z } from 'zod';
import { type Prisma, dbFor } from '../db.ts';
import type { NameDisplayPolicy } from '../generated/prisma/enums.ts';
import type { ArticleDoc } from '../content/document.ts';
import { isLiveNow } from '../live-coverage/rules.ts';
import { publicName } from '../people/names.ts';
import { storedFeaturedImage } from './featured-image.ts';
import { bioLine } from '../people/profile.ts';
import { cachedForReaders } from '../tenants/reader-cache.ts';
import { getSchoolBySlug } from '../tenants/schools.ts';

export interface ReaderSchool {
  id: string;
  slug: string;
  name: string;
  nameDisplayPolicy: NameDisplayPolicy;
  allowContactEmails: boolean;
  contentVersion: number;
}

const BylineSnapshot = z.array(z.object({ membershipId: z.string().nullable(), guestName: z.string().nullable(), title: z.string() }));

export interface PublicByline {
  title: string;
  name: string;
  profileSlug: string | null;
  bio: string | null;
  contactEmail: string | null;
}

const summaryFields = {
  id: true,
  slug: true,
  publishedAt: true,
  firstPublishedAt: true,
  section: { select: { name: true, slug: true } },
  publishedRevision: { select: { headline: true, deck: true, featuredImage: true, bylines: true } },
  liveStartedAt: true,
  liveEndedAt: true,
} as const satisfies Prisma.ArticleSelect;

const live = (school: ReaderSchool): Prisma.ArticleWhereInput => ({ schoolId: school.id, publishedRevisionId: { not: null } });

type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof summaryFields }>;

async function summaries(school: ReaderSchool, rows: SummaryRow[]) {
  const names = await bylineNames(
    school,
    rows.flatMap((row) => BylineSnapshot.catch([]).parse(row.publishedRevision!.bylines)),
  );
  return rows.map(({ publishedRevision, ...row }) => ({
    ...row,
    live: isLiveNow(row),
    headline: publishedRevision!.headline,
    deck: publishedRevision!.deck,
    image: storedFeaturedImage(publishedRevision!.featuredImage),
    byline: BylineSnapshot.catch([])
      .parse(publishedRevision!.bylines)
      .map((entry) => (entry.membershipId ? names.get(entry.membershipId) : entry.guestName))
      .filter((name): name is string => Boolean(name))
      .join(' and '),
  }));
}

export type PublishedArticleSummary = Awaited<ReturnType<typeof summaries>>[number];

export interface ListOptions {
  take?: number;
  skip?: number;
  sectionId?: string;
  membershipId?: string;
  /** Articles already shown elsewhere on the page. */
  excludeIds?: string[];
  /** Only these articles (a newsletter's chosen stories). */
  ids?: string[];
  /** Only articles first published since then (a weekly digest). */
  publishedSince?: Date;
}

/** Which live articles a list or its count covers. */
function listed(school: ReaderSchool, options: ListOptions): Prisma.ArticleWhereInput {
  return {
    ...live(school),
    ...(options.sectionId ? { sectionId: options.sectionId } : {}),
    ...(options.excludeIds?.length ? { id: { notIn: options.excludeIds } } : {}),
    ...(options.ids ? { id: { in: options.ids } } : {}),
    ...(options.publishedSince ? { firstPublishedAt: { gte: options.publishedSince } } : {}),
    ...(options.membershipId ? { publishedBylineMemberIds: { has: options.membershipId } } : {}),
  };
}

export function listPublishedArticles(school: ReaderSchool, options: ListOptions = {}): Promise<PublishedArticleSummary[]> {
  return cachedForReaders(school, `list:${JSON.stringify(options)}`, async () => newestSummaries(school, await chooseNewest(school, options)));
}

/** The ids of the live articles a list shows, newest first. A list chooses its stories first and
 * reads their details after: asked for both at once, the planner expected a few of a section's
 * stories where a long archive has a thousand, joined every one to its section and revision (and
 * for a feed, its text), and sorted them all to keep a few (a section's page 9.1 → 0.3 ms, the
 * school's feed 111 → 1.6 ms of PostgreSQL, in a 5,000-story paper). */
async function chooseNewest(school: ReaderSchool, options: ListOptions): Promise<string[]> {
  const chosen = await dbFor(school.id).article.findMany({ where: listed(school, options), orderBy: NEWEST_FIRST, take: options.take ?? 20, skip: options.skip ?? 0, select: { id: true } });
  return chosen.map((row) => row.id);
}

const NEWEST_FIRST = [{ publishedAt: 'desc' }, { id: 'desc' }] satisfies Prisma.ArticleOrderByWithRelationInput[];

/** These live articles' summaries, newest first. */
async function newestSummaries(school: ReaderSchool, ids: string[]): Promise<PublishedArticleSummary[]> {
  if (ids.length === 0) return [];
  return summaries(school, await dbFor(school.id).article.findMany({ where: { ...live(school), id: { in: ids } }, orderBy: NEWEST_FIRST, select: summaryFields }));
}

/** The newest few live articles of every section, by section slug, for the front page: one statement finds them all. */
export function listSectionFronts(school: ReaderSchool, options: { take: number; excludeIds: string[] }): Promise<Map<string, PublishedArticleSummary[]>> {
  return cachedForReaders(school, `fronts:${JSON.stringify(options)}`, async () => {
    const rows = await dbFor(school.id).$queryRaw<{ id: string }[]>`
      SELECT a.id FROM sections s CROSS JOIN LATERAL (
        SELECT id, "publishedAt" FROM articles
        WHERE "schoolId" = s."schoolId" AND "sectionId" = s.id AND "publishedRevisionId" IS NOT NULL AND NOT (id = ANY(${options.excludeIds}))
        ORDER BY "publishedAt" DESC, id DESC LIMIT ${options.take}) a
      WHERE s."schoolId" = ${school.id}`;
    const fronts = new Map<string, PublishedArticleSummary[]>();
    const newest = await newestSummaries(
      school,
      rows.map((row) => row.id),
    );
    for (const article of newest) {
      const section = article.section!.slug;
      fronts.set(section, [...(fronts.get(section) ?? []), article]);
    }
    return fronts;
  });
}

export function countPublishedArticles(school: ReaderSchool, options: Pick<ListOptions, 'sectionId' | 'membershipId'> = {}): Promise<number> {
  return cachedForReaders(school, `count:${JSON.stringify(options)}`, () => dbFor(school.id).article.count({ where: listed(school, options) }));
}

export function getPublishedArticle(school: ReaderSchool, slug: string) {
  return cachedForReaders(school, `article:${slug}`, async () => {
    const article = await dbFor(school.id).article.findUnique({
      where: { schoolId_slug: { schoolId: school.id, slug } },
      select: {
        ...summaryFields,
        sectionId: true,
        tags: true,
        editorsNote: true,
        commentsOpen: true,
        publishedRevision: { select: { headline: true, deck: true, body: true, bodyText: true, featuredImage: true, bylines: true, createdAt: true } },
        // Readers' comments as readers see them: approved ones only (lib/reader-comments).
        readerComments: { where: { status: 'APPROVED' }, orderBy: [{ confirmedAt: 'asc' }, { id: 'asc' }], select: { id: true, authorName: true, body: true, confirmedAt: true } },
        corrections: { select: { id: true, note: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
        liveStartedAt: true,
        liveEndedAt: true,
        // Live coverage: the published updates, newest first, as it happened (lib/live-coverage).
        liveUpdates: { where: { status: 'PUBLISHED' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { id: true, authorId: true, body: true, bodyText: true, createdAt: true } },
        editionItems: { where: { edition: { status: 'PUBLISHED' } }, select: { edition: { select: { volume: true, number: true, issueDate: true } } } },
      },
    });
    if (!article || !article.publishedRevision) return null;
    const [bylines, members] = await Promise.all([resolveBylines(school, article.publishedRevision.bylines), schoolMembers(school)]);
    // Each update signed as the school's name policy signs bylines.
    const liveUpdates = article.liveUpdates.map(({ authorId, ...update }) => {
      const author = members.get(authorId);
      return { ...update, body: update.body as ArticleDoc, author: author ? publicName(author.displayName, school.nameDisplayPolicy) : 'Staff' };
    });
    return { ...article, liveUpdates, revision: article.publishedRevision, image: storedFeaturedImage(article.publishedRevision.featuredImage), bylines };
  });
}

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

const bylineMemberFields = { id: true, slug: true, displayName: true, bio: true, classYear: true, contactEmail: true, showContactEmail: true } as const;

/** The school's members by membership id: one statement per school until its content changes, shared
 * by every list and article (a staff of any size is a few hundred short rows). */
function schoolMembers(school: ReaderSchool) {
  return cachedForReaders(school, 'members', async () => {
    const members = await dbFor(school.id).membership.findMany({ where: { schoolId: school.id }, select: bylineMemberFields });
    return new Map(members.map((member) => [member.id, member]));
  });
}

/** The school's members named in byline snapshots, by membership id. */
async function bylineMembers(school: ReaderSchool, entries: z.output<typeof BylineSnapshot>) {
  const members = await schoolMembers(school);
  const ids = new Set(entries.flatMap((entry) => (entry.membershipId ? [entry.membershipId] : [])));
  return new Map([...members].filter(([id]) => ids.has(id)));
}

/** Display names of member bylines under the school's name policy, by membership id. */
async function bylineNames(school: ReaderSchool, entries: z.output<typeof BylineSnapshot>): Promise<Map<string, string>> {
  const members = await bylineMembers(school, entries);
  return new Map([...members].map(([id, member]) => [id, publicName(member.displayName, school.nameDisplayPolicy)]));
}

async function resolveBylines(school: ReaderSchool, snapshot: unknown): Promise<PublicByline[]> {
  const entries = BylineSnapshot.safeParse(snapshot);
  if (!entries.success) return [];
  const byId = await bylineMembers(school, entries.data);
  return entries.data.flatMap((entry): PublicByline[] => {
    if (!entry.membershipId) return entry.guestName ? [{ title: entry.title, name: entry.guestName, profileSlug: null, bio: null, contactEmail: null }] : [];
    const member = byId.get(entry.membershipId);
    if (!member) return [];
    const name = publicName(member.displayName, school.nameDisplayPolicy);
    return [
      {
        title: entry.title,
        name,
        profileSlug: member.slug,
        bio: bioLine(member, school.nameDisplayPolicy, school.name),
        // Shown only when the school allows it and the student opted in.
        contactEmail: school.allowContactEmails && member.showContactEmail ? member.contactEmail : null,
      },
    ];
  });
}

/** An article taken down (410), with what readers are told at its address when it was taken down
 * on a reader's request; null when the address is not such an article. Asked by the proxy before
 * every uncached story page, so it is answered from the reader cache: once per school version. */
export async function unpublishedArticle(schoolSlug: string, slug: string): Promise<{ notice: string | null } | null> {
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) return null;
  return cachedForReaders(school, `gone:${slug}`, async () => {
    const article = await dbFor(school.id).article.findFirst({
      where: { slug, schoolId: school.id, publishedRevisionId: null, unpublishedAt: { not: null } },
      select: { unpublishedNotice: true },
    });
    return article ? { notice: article.unpublishedNotice } : null;
  });
}

/** The school's corrections page: every correction to an article readers can still read, newest first. */
export function listCorrections(school: ReaderSchool, options: { take?: number } = {}) {
  return cachedForReaders(school, `corrections:${options.take ?? 100}`, () =>
    dbFor(school.id).correction.findMany({
      where: { schoolId: school.id, article: { publishedRevisionId: { not: null } } },
      orderBy: { createdAt: 'desc' },
      take: options.take ?? 100,
      select: { id: true, note: true, createdAt: true, article: { select: { slug: true, publishedRevision: { select: { headline: true } } } } },
    }),
  );
}

/** Everything a sitemap lists: exactly the live articles. */
export function listSitemapArticles(school: ReaderSchool) {
  return cachedForReaders(school, 'sitemap', () =>
    dbFor(school.id).article.findMany({ where: live(school), orderBy: { publishedAt: 'desc' }, take: 50_000, select: { slug: true, publishedAt: true } }),
  );
}

/** Feed items: the newest live articles, with their text for the description. */
export function listFeedArticles(school: ReaderSchool, options: Pick<ListOptions, 'sectionId' | 'membershipId'> = {}) {
  return cachedForReaders(school, `feed:${JSON.stringify(options)}`, async () => {
    const ids = await chooseNewest(school, { ...options, take: 50 });
    const rows = await dbFor(school.id).article.findMany({
      where: { ...live(school), id: { in: ids } },
      orderBy: NEWEST_FIRST,
      select: { ...summaryFields, publishedRevision: { select: { headline: true, deck: true, featuredImage: true, bylines: true, bodyText: true } } },
    });
    const items = await summaries(school, rows);
    return items.map((item, index) => ({ ...item, text: rows[index]!.publishedRevision!.bodyText }));
  });
}
