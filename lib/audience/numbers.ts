// What the newsroom reads from the counted views (lib/audience/counter.ts): the editors and the
// adviser see the whole paper; everyone else sees the stories they have a byline on.
import { can, type Actor } from '../auth/actor.ts';
import { Prisma, readsFor } from '../db.ts';
import { toCsv } from '../csv.ts';
import { missing, ok, type Result } from '../result.ts';

export const AUDIENCE_DAYS = 30;

export interface DayViews {
  day: string; // YYYY-MM-DD, in the school's time zone
  views: number;
}

export interface StoryViews {
  articleId: string;
  headline: string;
  slug: string;
  views: number;
}

export interface AudienceOverview {
  scope: 'paper' | 'own';
  days: DayViews[];
  topStories: StoryViews[];
  referrers: { domain: string; views: number }[];
  weekViews: number;
}

/** The rule of whose numbers one sees, as a condition on a view row `v`: the editors and the
 * adviser see every row; anyone else the rows of stories they have a byline on. */
function ownStoriesOnly(actor: Actor): Prisma.Sql {
  return can(actor, 'audience.viewAll')
    ? Prisma.sql`TRUE`
    : Prisma.sql`v."articleId" IN (SELECT b."articleId" FROM bylines b WHERE b."schoolId" = ${actor.schoolId} AND b."membershipId" = ${actor.membershipId})`;
}

/** Today's date in the school's time zone (the day views are counted under), as YYYY-MM-DD. */
async function schoolToday(tx: Prisma.TransactionClient, schoolId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ today: string }[]>`SELECT to_char((now() AT TIME ZONE "timeZone")::date, 'YYYY-MM-DD') AS today FROM schools WHERE id = ${schoolId}`;
  return row!.today;
}

/** Every one of the last `count` days, oldest first, with zero for days nobody read. */
function everyDay(rows: { day: Date; views: bigint | number }[], today: string, count: number): DayViews[] {
  const byDay = new Map(rows.map((row) => [row.day.toISOString().slice(0, 10), Number(row.views)]));
  const last = new Date(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(last.getTime() - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10);
    return { day, views: byDay.get(day) ?? 0 };
  });
}

export async function audienceOverview(actor: Actor): Promise<AudienceOverview> {
  const scope = ownStoriesOnly(actor);
  return readsFor(actor.schoolId, async (tx) => {
    const today = await schoolToday(tx, actor.schoolId);
    const since = Prisma.sql`(${today}::date - ${AUDIENCE_DAYS - 1}::int)`;
    const weekStart = Prisma.sql`(${today}::date - 6)`;
    const days = await tx.$queryRaw<{ day: Date; views: bigint }[]>`
      SELECT v.day, sum(v.views) AS views FROM page_view_counts v
      WHERE v."schoolId" = ${actor.schoolId} AND v.day >= ${since} AND ${scope} GROUP BY v.day`;
    const topStories = await tx.$queryRaw<{ articleId: string; headline: string; slug: string; views: bigint }[]>`
      SELECT v."articleId", coalesce(r.headline, a.headline) AS headline, a.slug, sum(v.views) AS views
      FROM page_view_counts v JOIN articles a ON a.id = v."articleId" LEFT JOIN article_revisions r ON r.id = a."publishedRevisionId"
      WHERE v."schoolId" = ${actor.schoolId} AND v.day >= ${weekStart} AND ${scope}
      GROUP BY v."articleId", r.headline, a.headline, a.slug ORDER BY views DESC, headline LIMIT 10`;
    const referrers = await tx.$queryRaw<{ domain: string; views: bigint }[]>`
      SELECT v.referrer AS domain, sum(v.views) AS views FROM page_view_counts v
      WHERE v."schoolId" = ${actor.schoolId} AND v.day >= ${weekStart} AND ${scope}
      GROUP BY v.referrer ORDER BY views DESC LIMIT 10`;
    const dayViews = everyDay(days, today, AUDIENCE_DAYS);
    return {
      scope: can(actor, 'audience.viewAll') ? 'paper' : 'own',
      days: dayViews,
      topStories: topStories.map((story) => ({ ...story, views: Number(story.views) })),
      referrers: referrers.map((referrer) => ({ domain: referrer.domain, views: Number(referrer.views) })),
      weekViews: dayViews.slice(-7).reduce((sum, day) => sum + day.views, 0),
    };
  });
}

/** One story's views by day over the last 30 days: for those who may see them (else 404). */
export async function storyAudience(
  actor: Actor,
  articleId: string,
): Promise<Result<{ headline: string; slug: string; total: number; days: DayViews[]; referrers: { domain: string; views: number }[] }>> {
  const scope = ownStoriesOnly(actor);
  return readsFor(actor.schoolId, async (tx) => {
    const article = await tx.article.findFirst({
      where: { schoolId: actor.schoolId, id: articleId },
      select: { id: true, slug: true, headline: true, publishedRevision: { select: { headline: true } } },
    });
    if (!article) return missing('article');
    // The same rule as the totals, asked of this one story.
    const [allowed] = await tx.$queryRaw<{ allowed: boolean }[]>`SELECT ${scope} AS allowed FROM (SELECT ${article.id}::text AS "articleId") v`;
    if (!allowed?.allowed) return missing('article');
    const today = await schoolToday(tx, actor.schoolId);
    const days = await tx.$queryRaw<{ day: Date; views: bigint }[]>`
      SELECT day, sum(views) AS views FROM page_view_counts WHERE "schoolId" = ${actor.schoolId} AND "articleId" = ${article.id} AND day > ${today}::date - ${AUDIENCE_DAYS}::int GROUP BY day`;
    const [sum] = await tx.$queryRaw<{ total: bigint | null }[]>`SELECT sum(views) AS total FROM page_view_counts WHERE "schoolId" = ${actor.schoolId} AND "articleId" = ${article.id}`;
    const referrers = await tx.$queryRaw<{ domain: string; views: bigint }[]>`
      SELECT referrer AS domain, sum(views) AS views FROM page_view_counts WHERE "schoolId" = ${actor.schoolId} AND "articleId" = ${article.id} GROUP BY referrer ORDER BY views DESC LIMIT 10`;
    return ok({
      headline: article.publishedRevision?.headline ?? article.headline,
      slug: article.slug,
      total: Number(sum?.total ?? 0),
      days: everyDay(days, today, AUDIENCE_DAYS),
      referrers: referrers.map((referrer) => ({ domain: referrer.domain, views: Number(referrer.views) })),
    });
  });
}

/** Every counted row the actor may see, as CSV (day, page, story, section, came from, views). */
export async function audienceCsv(actor: Actor): Promise<string> {
  const scope = ownStoriesOnly(actor);
  const rows = await readsFor(
    actor.schoolId,
    (tx) =>
      tx.$queryRaw<{ day: Date; path: string; headline: string | null; section: string | null; referrer: string; views: number }[]>`
      SELECT v.day, v.path, coalesce(r.headline, a.headline) AS headline, s.name AS section, v.referrer, v.views
      FROM page_view_counts v LEFT JOIN articles a ON a.id = v."articleId" LEFT JOIN article_revisions r ON r.id = a."publishedRevisionId"
      LEFT JOIN sections s ON s.id = coalesce(v."sectionId", a."sectionId")
      WHERE v."schoolId" = ${actor.schoolId} AND ${scope} ORDER BY v.day DESC, v.views DESC, v.path`,
  );
  return toCsv([
    ['day', 'page', 'story', 'section', 'came from', 'views'],
    ...rows.map((row) => [row.day.toISOString().slice(0, 10), row.path, row.headline ?? '', row.section ?? '', row.referrer || '(direct)', String(row.views)]),
  ]);
}

/** Views per story for the portfolio and story lists: article id → all-time views. */
export async function viewsByStory(tx: Prisma.TransactionClient, schoolId: string, articleIds: readonly string[]): Promise<Map<string, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<
    { articleId: string; views: bigint }[]
  >`SELECT "articleId", sum(views) AS views FROM page_view_counts WHERE "schoolId" = ${schoolId} AND "articleId" = ANY(${[...articleIds]}::text[]) GROUP BY "articleId"`;
  return new Map(rows.map((row) => [row.articleId, Number(row.views)]));
}
