// What readers see of the sports desk: the scoreboard (the latest results and the games coming up)
// and each team's season. Only published stories are linked, under their published headlines.
// Cached per school until its content changes, like every reader page's data.
import { dbFor, type Prisma } from '../db.ts';
import { cachedForReaders } from '../tenants/reader-cache.ts';
import { isLiveNow } from '../live-coverage/rules.ts';
import { gameFields } from './index.ts';

interface SportsSchool {
  id: string;
  contentVersion: number;
  currentSchoolYear: string;
}

const publicGameFields = {
  ...gameFields,
  article: { select: { slug: true, publishedRevision: { select: { headline: true } }, liveStartedAt: true, liveEndedAt: true } },
} as const satisfies Prisma.GameSelect;

type GameRow = Prisma.GameGetPayload<{ select: typeof publicGameFields }>;

/** A game as readers see it: its story only when it is published, with its published headline. */
function forReaders({ article, ...game }: GameRow) {
  const story = article?.publishedRevision ? { slug: article.slug, headline: article.publishedRevision.headline, live: isLiveNow(article) } : null;
  return { ...game, story };
}

export type PublicGame = ReturnType<typeof forReaders>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The scoreboard: results of the last three weeks (newest first), the games of the next three, and the teams. */
export function scoreboard(school: SportsSchool, now = new Date()) {
  // By the hour, so a kept copy is shared; a result recorded or a game added retires it anyway.
  const hour = Math.floor(now.getTime() / (60 * 60 * 1000));
  return cachedForReaders(school, `scoreboard:${hour}`, async () => {
    const db = dbFor(school.id);
    const at = new Date(hour * 60 * 60 * 1000);
    const [results, upcoming, teams] = await Promise.all([
      db.game.findMany({
        where: { schoolId: school.id, status: { not: 'SCHEDULED' }, startsAt: { gte: new Date(at.getTime() - 21 * DAY_MS) } },
        orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
        take: 30,
        select: publicGameFields,
      }),
      db.game.findMany({
        where: { schoolId: school.id, status: 'SCHEDULED', startsAt: { gte: new Date(at.getTime() - 6 * 60 * 60 * 1000), lt: new Date(at.getTime() + 21 * DAY_MS) } },
        orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        take: 30,
        select: publicGameFields,
      }),
      db.team.findMany({ where: { schoolId: school.id }, orderBy: { name: 'asc' }, select: { name: true, slug: true, sport: true } }),
    ]);
    return { results: results.map(forReaders), upcoming: upcoming.map(forReaders), teams };
  });
}

/** One team's season (the school's current one unless another is asked for): its games by date. */
export function teamSeason(school: SportsSchool, teamSlug: string, season = school.currentSchoolYear) {
  return cachedForReaders(school, `team:${teamSlug}:${season}`, async () => {
    const db = dbFor(school.id);
    const team = await db.team.findUnique({ where: { schoolId_slug: { schoolId: school.id, slug: teamSlug } }, select: { id: true, name: true, slug: true, sport: true } });
    if (!team) return null;
    const [games, seasons] = await Promise.all([
      db.game.findMany({ where: { schoolId: school.id, teamId: team.id, season }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], select: publicGameFields }),
      db.game.findMany({ where: { schoolId: school.id, teamId: team.id }, distinct: ['season'], orderBy: { season: 'desc' }, select: { season: true } }),
    ]);
    return { team, season, games: games.map(forReaders), seasons: seasons.map((row) => row.season) };
  });
}
