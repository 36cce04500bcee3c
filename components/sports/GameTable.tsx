// Games as a table: when, who (the team, where the page is not one team's), against whom and where,
// the result or the start time, and the story about it (marked live while its coverage is open).
import { LiveBadge } from '@/components/article/LiveBadge';
import { dateFormat } from '@/lib/dates';
import { GAME_STATUSES, outcomeOf } from '@/lib/sports';
import type { PublicGame } from '@/lib/sports/public';

const OUTCOME_WORDS = { W: 'Won', L: 'Lost', T: 'Tied' } as const;

function Result({ game, timeZone }: { game: PublicGame; timeZone: string }) {
  const outcome = outcomeOf(game);
  if (outcome) {
    return (
      <>
        <abbr title={OUTCOME_WORDS[outcome]} className="font-bold no-underline">
          {outcome}
        </abbr>{' '}
        {game.ourScore}–{game.theirScore}
      </>
    );
  }
  if (game.status !== 'SCHEDULED') return <>{GAME_STATUSES[game.status]}</>;
  return <>{dateFormat({ hour: 'numeric', minute: '2-digit', timeZone }).format(game.startsAt)}</>;
}

export function GameTable({ games, caption, schoolSlug, timeZone, showTeam = true }: { games: PublicGame[]; caption: string; schoolSlug: string; timeZone: string; showTeam?: boolean }) {
  const day = dateFormat({ weekday: 'short', month: 'short', day: 'numeric', timeZone });
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="text-left font-sans text-sm font-bold uppercase tracking-wide">{caption}</caption>
      <thead>
        <tr className="border-b border-gray-400">
          <th className="py-2">Date</th>
          {showTeam && <th>Team</th>}
          <th>Opponent</th>
          <th>Result or time</th>
          <th>Story</th>
        </tr>
      </thead>
      <tbody>
        {games.map((game) => (
          <tr key={game.id} className="border-b border-gray-200 align-top">
            <td className="py-2 whitespace-nowrap">
              <time dateTime={game.startsAt.toISOString()}>{day.format(game.startsAt)}</time>
            </td>
            {showTeam && (
              <td>
                <a className="underline" href={`/${schoolSlug}/sports/${game.team.slug}`}>
                  {game.team.name}
                </a>
              </td>
            )}
            <td>
              {game.site === 'AWAY' ? 'at' : 'vs.'} {game.opponent}
              {game.site === 'NEUTRAL' && ' (neutral site)'}
              {game.location && <span className="block text-gray-700">{game.location}</span>}
            </td>
            <td className="whitespace-nowrap">
              <Result game={game} timeZone={timeZone} />
            </td>
            <td>
              {game.story && (
                <>
                  {game.story.live && <LiveBadge />}
                  <a className="underline" href={`/${schoolSlug}/articles/${game.story.slug}`}>
                    {game.story.headline}
                  </a>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
