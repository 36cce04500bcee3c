import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listPublishedEditions, listPublishedVolumes } from '@/lib/editions';
import { searchArticles, snippetParts } from '@/lib/search';
import { getSchoolBySlug } from '@/lib/tenants';
import { editionLabel, volumeLabel } from '@/lib/editions/label';
import { Options, buttonClass } from '@/components/ui';
import { dateFormat } from '@/lib/dates';

type Props = { params: Promise<{ school: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  // Result pages are for people, not for search engines.
  return school ? { title: `Search — ${school.newspaperName}`, robots: { index: false } } : {};
}

export default async function SearchPage({ params, searchParams }: Props) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const sections = school.sections;
  const [{ query, hits }, volumes] = await Promise.all([searchArticles(school, await searchParams), listPublishedVolumes(school)]);
  const date = dateFormat({ dateStyle: 'medium', timeZone: school.timeZone });
  // A long archive has hundreds of issues, too many for one list: the form offers the volumes,
  // and a search within one issue (?issue=) keeps it and says so.
  const withinIssue = query.issue ? (await listPublishedEditions(school)).find((edition) => edition.id === query.issue) : undefined;
  const field = 'rounded border border-gray-500 px-2 py-1';
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">Search {school.newspaperName}</h1>
      <form role="search" method="get" className="mt-6 flex flex-wrap items-end gap-3">
        <label className="flex-1">
          <span className="block text-sm font-medium">Search for</span>
          <input type="search" name="q" defaultValue={query.q} className={`${field} w-full`} />
        </label>
        <label>
          <span className="block text-sm font-medium">Section</span>
          <select name="section" defaultValue={query.section ?? ''} className={field}>
            <Options items={sections} value={(section) => section.slug} label={(section) => section.name} first={{ value: '', label: 'All sections' }} />
          </select>
        </label>
        {withinIssue ? (
          <p className="text-sm">
            <input type="hidden" name="issue" value={withinIssue.id} />
            Within {editionLabel(withinIssue)} · <a href={`/${school.slug}/search?${new URLSearchParams({ q: query.q, ...(query.section ? { section: query.section } : {}) })}`}>search every issue</a>
          </p>
        ) : (
          volumes.length > 0 && (
            <label>
              <span className="block text-sm font-medium">Volume</span>
              <select name="volume" defaultValue={query.volume ?? ''} className={field}>
                <Options items={volumes} value={(volume) => String(volume.volume)} label={volumeLabel} first={{ value: '', label: 'All volumes' }} />
              </select>
            </label>
          )
        )}
        <button type="submit" className={buttonClass.primary}>
          Search
        </button>
      </form>
      {query.q && (
        <section aria-labelledby="results" className="mt-8">
          <h2 id="results" className="font-sans text-sm font-bold uppercase tracking-wide">
            {hits.length === 0 ? `No results for “${query.q}”` : `Results for “${query.q}”`}
          </h2>
          <ol className="divide-y divide-gray-200">
            {hits.map((hit) => (
              <li key={hit.id} className="py-4">
                <h3 className="font-serif text-xl font-bold">
                  <a href={`/${school.slug}/articles/${hit.slug}`}>{hit.headline}</a>
                </h3>
                <p className="text-sm text-gray-700">
                  {hit.section ? `${hit.section} · ` : ''}
                  <time dateTime={hit.publishedAt.toISOString()}>{date.format(hit.publishedAt)}</time>
                </p>
                <p className="mt-1" data-testid="snippet">
                  {snippetParts(hit.snippet).map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
