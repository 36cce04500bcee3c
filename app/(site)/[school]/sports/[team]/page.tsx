import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PeriodLinks } from '@/components/site/PeriodLinks';
import { GameTable } from '@/components/sports/GameTable';
import { seasonRecord } from '@/lib/sports';
import { teamSeason } from '@/lib/sports/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Props = { params: Promise<{ school: string; team: string }>; searchParams: Promise<{ season?: string }> };

async function load({ params, searchParams }: Props) {
  const { school: slug, team } = await params;
  const school = await getSchoolBySlug(slug);
  if (!school) return null;
  const { season } = await searchParams;
  const found = await teamSeason(school, team, typeof season === 'string' && /^\d{4}-\d{2}$/.test(season) ? season : undefined);
  return found ? { school, ...found } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return found ? { title: `${found.team.name}, ${found.season} — ${found.school.newspaperName}`, alternates: { canonical: schoolUrl(found.school, `/sports/${found.team.slug}`) } } : {};
}

export default async function TeamSeasonPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { school, team, season, games, seasons } = found;
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">
        <a href={`/${school.slug}/sports`}>Scoreboard</a> · {team.sport}
      </p>
      <h1 className="mt-1 font-serif text-4xl font-bold">{team.name}</h1>
      <p className="mt-2 text-lg">
        {season} season: <strong>{seasonRecord(games)}</strong>
      </p>
      {games.length > 0 ? (
        <GameTable games={games} caption={`Schedule and results, ${season}`} schoolSlug={school.slug} timeZone={school.timeZone} showTeam={false} />
      ) : (
        <p className="mt-4 text-gray-700">No games in this season.</p>
      )}
      <PeriodLinks label="Seasons" periods={seasons} current={season} href={(other) => `/${school.slug}/sports/${team.slug}?season=${other}`} />
    </main>
  );
}
