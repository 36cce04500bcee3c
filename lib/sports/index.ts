// The sports desk: the school's teams, each season's schedule, the results, and the stories about
// each game (a preview, a recap, or live coverage). Editors keep them (the 'sports.manage'
// permission); readers get a scoreboard and each team's season (app/(site)/[school]/sports). Every
// change readers can see retires the school's cached pages, like a publish.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { firstFreeSlug, slugify } from '../articles/slugs.ts';
import { dbFor, transactionFor, type Prisma } from '../db.ts';
import type { GameSite, GameStatus } from '../generated/prisma/enums.ts';
import { fail, ok, parseInput, type Result } from '../result.ts';
import { schoolLocalTime } from '../tenants/time-zone.ts';
import { GAME_SITES, GAME_STATUSES } from './choices.ts';

export { GAME_SITES, GAME_STATUSES };

const TeamInput = z.object({
  name: z.string().trim().min(1, 'Name the team (for example “Varsity Football”).').max(80, 'A team’s name can be at most 80 characters.'),
  sport: z.string().trim().min(1, 'Say which sport it plays.').max(40, 'A sport’s name can be at most 40 characters.'),
});

export async function createTeam(actor: Actor, input: unknown): Promise<Result<{ id: string; slug: string }>> {
  const allowed = requirePermission(actor, 'sports.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(TeamInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const taken = await tx.team.findMany({ where: { schoolId: actor.schoolId }, select: { slug: true, name: true } });
    if (taken.some((team) => team.name.toLowerCase() === parsed.data.name.toLowerCase()))
      return fail(409, 'The paper has a team by that name already.', { name: 'The paper has a team by that name already.' });
    const slug = firstFreeSlug(slugify(parsed.data.name) || 'team', new Set(taken.map((team) => team.slug)));
    const team = await tx.team.create({ data: { schoolId: actor.schoolId, slug, ...parsed.data }, select: { id: true, slug: true } });
    await readersSeeChange(tx, actor.schoolId);
    return ok(team);
  });
}

const Score = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'A score is a whole number from 0 to 999.')
  .transform(Number);

export const GameInput = z.object({
  teamId: z.string().min(1, 'Choose the team.'),
  opponent: z.string().trim().min(1, 'Name the opponent.').max(80, 'An opponent’s name can be at most 80 characters.'),
  site: z.enum(Object.keys(GAME_SITES) as [GameSite, ...GameSite[]], { error: 'Choose home, away or a neutral site.' }),
  location: z.string().trim().max(120, 'A location can be at most 120 characters.').default(''),
  startsAt: z.string().min(1, 'Choose the date and time.'),
});

/** Puts a game on a team's schedule, in the season the school is in. */
export async function scheduleGame(actor: Actor, input: unknown): Promise<Result<{ id: string }>> {
  const allowed = requirePermission(actor, 'sports.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(GameInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const [team, school] = await Promise.all([
      tx.team.findFirst({ where: { id: parsed.data.teamId, schoolId: actor.schoolId }, select: { id: true } }),
      tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true, currentSchoolYear: true } }),
    ]);
    if (!team) return fail(422, 'Some fields need attention.', { teamId: 'Choose one of the paper’s teams.' });
    const startsAt = schoolLocalTime(parsed.data.startsAt, school.timeZone);
    if (!startsAt) return fail(422, 'Some fields need attention.', { startsAt: 'Give the date and time as the form asks (the school’s time).' });
    const { teamId: _teamId, startsAt: _local, ...game } = parsed.data;
    const created = await tx.game.create({ data: { schoolId: actor.schoolId, teamId: team.id, season: school.currentSchoolYear, startsAt, ...game }, select: { id: true } });
    await readersSeeChange(tx, actor.schoolId);
    return ok(created);
  });
}

export const ResultInput = z
  .object({
    status: z.enum(Object.keys(GAME_STATUSES) as [GameStatus, ...GameStatus[]], { error: 'Choose the game’s status.' }),
    ourScore: z.string().default(''),
    theirScore: z.string().default(''),
    articleId: z.string().default(''),
  })
  .transform((input, context) => {
    if (input.status !== 'FINAL') return { status: input.status, ourScore: null, theirScore: null, articleId: input.articleId || null };
    const ours = Score.safeParse(input.ourScore);
    const theirs = Score.safeParse(input.theirScore);
    if (!ours.success) context.addIssue({ code: 'custom', path: ['ourScore'], message: 'A final needs our score: a whole number from 0 to 999.' });
    if (!theirs.success) context.addIssue({ code: 'custom', path: ['theirScore'], message: 'A final needs their score: a whole number from 0 to 999.' });
    return { status: input.status, ourScore: ours.data ?? null, theirScore: theirs.data ?? null, articleId: input.articleId || null };
  });

/** Records how a game stands (the final score, a postponement) and which story tells it. */
export async function recordGame(actor: Actor, gameId: string, input: unknown): Promise<Result<{ id: string }>> {
  const allowed = requirePermission(actor, 'sports.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(ResultInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const game = await tx.game.findFirst({ where: { id: gameId, schoolId: actor.schoolId }, select: { id: true } });
    if (!game) return fail(404, 'That game was not found.');
    const { articleId } = parsed.data;
    if (articleId && !(await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: { id: true } })))
      return fail(422, 'Some fields need attention.', { articleId: 'Choose one of the paper’s stories.' });
    await tx.game.update({ where: { id: game.id }, data: parsed.data });
    await readersSeeChange(tx, actor.schoolId);
    return ok(game);
  });
}

/** A game as every list shows it; each list adds the story it links to, as its readers may see it. */
export const gameFields = {
  id: true,
  season: true,
  opponent: true,
  site: true,
  location: true,
  startsAt: true,
  status: true,
  ourScore: true,
  theirScore: true,
  team: { select: { name: true, slug: true, sport: true } },
} as const satisfies Prisma.GameSelect;

/** The sports desk in the newsroom: the teams, this season's games by date, and the stories a game may link to. */
export async function sportsDesk(actor: Actor) {
  const allowed = requirePermission(actor, 'sports.manage');
  if (!allowed.ok) return allowed;
  const db = dbFor(actor.schoolId);
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { currentSchoolYear: true } });
  const [teams, games, stories] = await Promise.all([
    db.team.findMany({ where: { schoolId: actor.schoolId }, orderBy: { name: 'asc' }, select: { id: true, name: true, sport: true, slug: true } }),
    db.game.findMany({
      where: { schoolId: actor.schoolId, season: school.currentSchoolYear },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: 500,
      select: { ...gameFields, articleId: true },
    }),
    db.article.findMany({ where: { schoolId: actor.schoolId, status: { not: 'UNPUBLISHED' } }, orderBy: { updatedAt: 'desc' }, take: 100, select: { id: true, headline: true } }),
  ]);
  return ok({ season: school.currentSchoolYear, teams, games, stories });
}

export type Outcome = 'W' | 'L' | 'T';

export function outcomeOf(game: { status: GameStatus; ourScore: number | null; theirScore: number | null }): Outcome | null {
  if (game.status !== 'FINAL' || game.ourScore === null || game.theirScore === null) return null;
  return game.ourScore > game.theirScore ? 'W' : game.ourScore < game.theirScore ? 'L' : 'T';
}

/** "7–3" or "7–3–1": wins, losses and (when there are any) ties. */
export function seasonRecord(games: { status: GameStatus; ourScore: number | null; theirScore: number | null }[]): string {
  const count = (outcome: Outcome) => games.filter((game) => outcomeOf(game) === outcome).length;
  const ties = count('T');
  return `${count('W')}–${count('L')}${ties > 0 ? `–${ties}` : ''}`;
}
