import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GameResultForm } from '@/components/newsroom/GameResultForm';
import { ScheduleGameForm } from '@/components/newsroom/ScheduleGameForm';
import { TeamForm } from '@/components/newsroom/TeamForm';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { dateFormat } from '@/lib/dates';
import { newsroomPath } from '@/lib/routes';
import { GAME_SITES, sportsDesk } from '@/lib/sports';
import { addGame, addTeam, saveGameResult } from './actions';

export default async function SportsDeskPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor, school } = await requireNewsroomActor(slug, newsroomPath(slug, 'sports'));
  const desk = await sportsDesk(actor);
  if (!desk.ok) notFound();
  const { season, teams, games, stories } = desk.data;
  const when = dateFormat({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-10 px-6 py-8">
      <div>
        <h1 className="text-2xl font-bold">Sports desk</h1>
        <p className="mt-1 text-gray-700">
          Teams, the {season} schedule and the scores, on the paper’s{' '}
          <Link className="underline" href={`/${slug}/sports`}>
            scoreboard
          </Link>
          . Link each game to its preview, recap or live coverage.
        </p>
      </div>
      <section aria-labelledby="team-list">
        <h2 id="team-list" className="text-lg font-bold">
          Teams
        </h2>
        {teams.length === 0 ? (
          <p className="text-gray-700">No teams yet.</p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
            {teams.map((team) => (
              <li key={team.id}>
                {team.name} <span className="text-gray-700">· {team.sport}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <TeamForm action={addTeam.bind(null, slug)} />
      {teams.length > 0 && <ScheduleGameForm action={addGame.bind(null, slug)} teams={teams} />}
      <section aria-labelledby="season-games">
        <h2 id="season-games" className="text-lg font-bold">
          The {season} season
        </h2>
        {games.length === 0 ? (
          <p className="text-gray-700">No games scheduled yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-gray-200">
            {games.map((game) => {
              const title = `${game.team.name} ${game.site === 'AWAY' ? 'at' : 'vs.'} ${game.opponent}`;
              return (
                <li key={game.id} className="py-3">
                  <p className="font-semibold">
                    {title}{' '}
                    <span className="font-normal text-gray-700">
                      · {when.format(game.startsAt)} · {GAME_SITES[game.site]}
                    </span>
                  </p>
                  <GameResultForm action={saveGameResult.bind(null, slug, game.id)} label={`Result of ${title}`} game={game} stories={stories} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
