import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { setLiveCoverage } from '../../lib/live-coverage/index.ts';
import { createTeam, recordGame, scheduleGame, seasonRecord, sportsDesk } from '../../lib/sports/index.ts';
import { scoreboard, teamSeason } from '../../lib/sports/public.ts';
import { getSchoolBySlug } from '../../lib/tenants/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { adviserOfNewSchool, publishedStory, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

/** "2026-11-30T19:00" for `days` from now, as a datetime-local field gives it. */
function localIn(days: number, time = '19:00'): string {
  const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return `${day.toISOString().slice(0, 10)}T${time}`;
}

describe('the sports desk', () => {
  it('keeps teams and schedules in the school’s season and time; readers get the scoreboard and the team’s record, stories linked once published', async () => {
    // A school of its own, so the demo's teams and games are not on its scoreboard.
    const adviser = await adviserOfNewSchool('ravens');
    const school = async () => (await getSchoolBySlug(adviser.schoolSlug))!;
    const team = await createTeam(adviser, { name: 'Varsity Football', sport: 'Football' });
    if (!team.ok) throw new Error(team.error);
    expect(team.data.slug).toBe('varsity-football');
    expect(await createTeam(adviser, { name: 'varsity football', sport: 'Football' })).toMatchObject({ ok: false, status: 409 });

    const played = await scheduleGame(adviser, { teamId: team.data.id, opponent: 'Torrey Pines', site: 'HOME', location: 'Ravens Field', startsAt: localIn(-3) });
    const lost = await scheduleGame(adviser, { teamId: team.data.id, opponent: 'La Costa Canyon', site: 'AWAY', startsAt: localIn(-10) });
    const next = await scheduleGame(adviser, { teamId: team.data.id, opponent: 'Carlsbad', site: 'NEUTRAL', startsAt: localIn(4, '18:30') });
    if (!played.ok || !lost.ok || !next.ok) throw new Error('not scheduled');
    // Seven in the evening where the school is (Los Angeles), whatever zone the server runs in.
    const row = await db.game.findUniqueOrThrow({ where: { id: next.data.id } });
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', minute: '2-digit' }).format(row.startsAt)).toBe('6:30 PM');
    expect(row.season).toBe('2026-27');

    // A recap, published, and a preview still in draft: only the published one reaches readers.
    const recap = await publishedStory(adviser, adviser, `Ravens Top Torrey Pines ${Date.now().toString(36)}`, 'A late field goal.', ['The kick was good.']);
    expect(await recordGame(adviser, played.data.id, { status: 'FINAL', ourScore: '17', theirScore: '14', articleId: recap.id })).toMatchObject({ ok: true });
    expect(await recordGame(adviser, lost.data.id, { status: 'FINAL', ourScore: '3', theirScore: '21' })).toMatchObject({ ok: true });
    await setLiveCoverage(adviser, recap.id, true);

    const board = await scoreboard(await school());
    expect(board.results.map((game) => [game.opponent, game.ourScore, game.theirScore, game.story?.headline ?? null, game.story?.live ?? null])).toEqual([
      ['Torrey Pines', 17, 14, recap.headline, true],
      ['La Costa Canyon', 3, 21, null, null],
    ]);
    expect(board.upcoming.map((game) => [game.opponent, game.site])).toEqual([['Carlsbad', 'NEUTRAL']]);
    expect(board.teams.map((entry) => entry.slug)).toEqual(['varsity-football']);

    const season = (await teamSeason(await school(), 'varsity-football'))!;
    expect(season.games.map((game) => game.opponent)).toEqual(['La Costa Canyon', 'Torrey Pines', 'Carlsbad']);
    expect(seasonRecord(season.games)).toBe('1–1');
    expect(await teamSeason(await school(), 'no-such-team')).toBeNull();
  });

  it('refuses what a scorebook would not take, with a message for the field', async () => {
    const team = await createTeam(people.editor, { name: 'JV Volleyball', sport: 'Volleyball' });
    if (!team.ok) throw new Error(team.error);
    expect(await createTeam(people.editor, { name: '  ', sport: 'Volleyball' })).toMatchObject({ ok: false, status: 422, fieldErrors: { name: expect.stringMatching(/Name the team/) } });
    expect(await scheduleGame(people.editor, { teamId: team.data.id, opponent: 'Poway', site: 'HOME', startsAt: 'next Tuesday' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { startsAt: expect.any(String) },
    });
    expect(await scheduleGame(people.editor, { teamId: 'no-such-team', opponent: 'Poway', site: 'HOME', startsAt: localIn(2) })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { teamId: expect.any(String) },
    });
    expect(await scheduleGame(people.editor, { teamId: team.data.id, opponent: 'Poway', site: 'MOON', startsAt: localIn(2) })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { site: expect.any(String) },
    });
    const game = await scheduleGame(people.editor, { teamId: team.data.id, opponent: 'Poway', site: 'HOME', startsAt: localIn(2) });
    if (!game.ok) throw new Error(game.error);
    expect(await recordGame(people.editor, game.data.id, { status: 'FINAL', ourScore: '3', theirScore: '' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { theirScore: expect.stringMatching(/their score/) },
    });
    expect(await recordGame(people.editor, game.data.id, { status: 'FINAL', ourScore: '-1', theirScore: '2' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ourScore: expect.any(String) },
    });
    // Postponed: no score kept.
    expect(await recordGame(people.editor, game.data.id, { status: 'POSTPONED', ourScore: '3', theirScore: '1' })).toMatchObject({ ok: true });
    expect(await db.game.findUniqueOrThrow({ where: { id: game.data.id } })).toMatchObject({ status: 'POSTPONED', ourScore: null, theirScore: null });
  });

  it('is the editors’ to keep, within their own school', async () => {
    expect(await createTeam(people.andrew, { name: 'Cross Country', sport: 'Running' })).toMatchObject({ ok: false, status: 403 });
    expect(await sportsDesk(people.andrew)).toMatchObject({ ok: false, status: 403 });
    const team = await createTeam(people.adviser, { name: 'Boys Soccer', sport: 'Soccer' });
    if (!team.ok) throw new Error(team.error);
    const other = people.lincolnAdviser;
    expect(await scheduleGame(other, { teamId: team.data.id, opponent: 'Poway', site: 'HOME', startsAt: localIn(1) })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { teamId: expect.any(String) },
    });
    const game = await scheduleGame(people.adviser, { teamId: team.data.id, opponent: 'Poway', site: 'HOME', startsAt: localIn(1) });
    if (!game.ok) throw new Error(game.error);
    expect(await recordGame(other, game.data.id, { status: 'CANCELED' })).toMatchObject({ ok: false, status: 404 });
    const lincolnStory = await db.article.findFirstOrThrow({ where: { school: { slug: 'lincoln-high' } } });
    expect(await recordGame(people.adviser, game.data.id, { status: 'SCHEDULED', articleId: lincolnStory.id })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { articleId: expect.any(String) },
    });
    const lincolnDesk = await sportsDesk(other);
    expect(lincolnDesk.ok && lincolnDesk.data.teams.map((entry) => entry.slug)).toEqual(['boys-basketball']);
  });
});
