import { LiveBadge } from '@/components/article/LiveBadge';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { FeaturedPicture } from '@/components/article/FeaturedPicture';
import { listPublishedArticles, listSectionFronts } from '@/lib/articles/public';
import { getLatestPublishedEdition } from '@/lib/editions';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';
import { editionLabel } from '@/lib/editions/label';
import { dateFormat } from '@/lib/dates';

type Params = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  if (!school) return {};
  return {
    title: `${school.newspaperName} — ${school.name}`,
    description: school.tagline ?? undefined,
    alternates: { canonical: schoolUrl(school), types: { 'application/rss+xml': schoolUrl(school, '/feed.xml'), 'application/atom+xml': schoolUrl(school, '/atom.xml') } },
    openGraph: { type: 'website', siteName: school.newspaperName, title: school.newspaperName, description: school.tagline ?? undefined, url: schoolUrl(school) },
  };
}

export default async function FrontPage({ params }: Params) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const [latest, edition] = await Promise.all([listPublishedArticles(school, { take: 7 }), getLatestPublishedEdition(school)]);
  const [lead, ...more] = latest;
  // Each story appears once on the front: section blocks leave out what the top already shows.
  const shown = latest.map((article) => article.id);
  const fronts = await listSectionFronts(school, { take: 3, excludeIds: shown });
  const bySection = school.sections.map((section) => ({ section, articles: fronts.get(section.slug) ?? [] }));
  const date = dateFormat({ dateStyle: 'long', timeZone: 'UTC' });
  return (
    <main id="main" className="mx-auto max-w-5xl px-6 py-8">
      <h1 className="sr-only">{school.newspaperName} front page</h1>
      {lead ? (
        <section aria-labelledby="lead-story" className="border-b border-gray-300 pb-8">
          {lead.image && (
            <div className="mb-4">
              <FeaturedPicture image={lead.image} sizes="(min-width: 64rem) 61rem, calc(100vw - 3rem)" crop="16 / 9" priority />
            </div>
          )}
          {lead.section && <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">{lead.section.name}</p>}
          <h2 id="lead-story" className="mt-1 font-serif text-4xl leading-tight font-bold">
            {lead.live && <LiveBadge />}
            <a href={`/${school.slug}/articles/${lead.slug}`}>{lead.headline}</a>
          </h2>
          {lead.deck && <p className="mt-3 text-xl text-gray-700">{lead.deck}</p>}
          {lead.byline && <p className="mt-2 text-sm text-gray-700">By {lead.byline}</p>}
        </section>
      ) : (
        <p className="text-gray-700">Nothing has been published yet.</p>
      )}
      <div className="mt-8 grid gap-10 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          {more.length > 0 && (
            <section aria-labelledby="latest">
              <h2 id="latest" className="font-sans text-sm font-bold uppercase tracking-wide">
                Latest
              </h2>
              <ArticleSummaryList schoolSlug={school.slug} articles={more} level={3} />
            </section>
          )}
        </div>
        <div className="space-y-8">
          {edition && (
            <section aria-labelledby="latest-issue" className="rounded border border-gray-300 p-4">
              <h2 id="latest-issue" className="font-sans text-sm font-bold uppercase tracking-wide">
                Latest issue
              </h2>
              <p className="mt-2 font-serif text-xl font-bold">
                <a href={`/${school.slug}/issues/${edition.volume}/${edition.number}`}>{editionLabel(edition)}</a>
              </p>
              <p className="text-sm text-gray-700">
                {date.format(edition.issueDate)}
                {edition.title ? ` · ${edition.title}` : ''}
              </p>
              <p className="mt-2 text-sm">
                <a className="underline" href={`/${school.slug}/issues`}>
                  All issues
                </a>
              </p>
            </section>
          )}
          {bySection
            .filter((entry) => entry.articles.length > 0)
            .map(({ section, articles }) => (
              <section key={section.id} aria-labelledby={`section-${section.slug}`}>
                <h2 id={`section-${section.slug}`} className="font-sans text-sm font-bold uppercase tracking-wide">
                  <a href={`/${school.slug}/sections/${section.slug}`}>{section.name}</a>
                </h2>
                <ArticleSummaryList schoolSlug={school.slug} articles={articles} level={3} showSection={false} />
              </section>
            ))}
        </div>
      </div>
    </main>
  );
}
