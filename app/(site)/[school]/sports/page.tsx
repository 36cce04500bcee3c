import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { GameTable } from '@/components/sports/GameTable';
import { scoreboard } from '@/lib/sports/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Props = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Sports scoreboard — ${school.newspaperName}`, alternates: { canonical: schoolUrl(school, '/sports') } } : {};
}

export default async function ScoreboardPage({ params }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const { results, upcoming, teams } = await scoreboard(school);
  return (
    <main id="main" className="mx-auto max-w-4xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">Scoreboard</h1>
      {teams.length === 0 ? (
        <p className="mt-4 text-gray-700">The paper has no teams on its sports desk yet.</p>
      ) : (
        <>
          {results.length > 0 ? (
            <GameTable games={results} caption="Latest results" schoolSlug={school.slug} timeZone={school.timeZone} />
          ) : (
            <p className="mt-4 text-gray-700">No results in the last three weeks.</p>
          )}
          <div className="mt-8">
            {upcoming.length > 0 ? (
              <GameTable games={upcoming} caption="Coming up" schoolSlug={school.slug} timeZone={school.timeZone} />
            ) : (
              <p className="text-gray-700">No games in the next three weeks.</p>
            )}
          </div>
          <nav aria-labelledby="teams" className="mt-10">
            <h2 id="teams" className="font-sans text-sm font-bold uppercase tracking-wide">
              Teams
            </h2>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {teams.map((team) => (
                <li key={team.slug}>
                  <a className="underline" href={`/${school.slug}/sports/${team.slug}`}>
                    {team.name}
                  </a>{' '}
                  <span className="text-gray-700">· {team.sport}</span>
                </li>
              ))}
            </ul>
          </nav>
        </>
      )}
    </main>
  );
}
