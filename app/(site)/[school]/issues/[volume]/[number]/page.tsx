import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryThumbnail } from '@/components/article/StoryThumbnail';
import { getPublishedEdition } from '@/lib/editions';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';
import { editionLabel } from '@/lib/editions/label';
import { dateFormat } from '@/lib/dates';

type Params = { params: Promise<{ school: string; volume: string; number: string }> };

async function load(params: Params['params']) {
  const { school: schoolSlug, volume, number } = await params;
  const school = await getSchoolBySlug(schoolSlug);
  const [vol, no] = [Number.parseInt(volume, 10), Number.parseInt(number, 10)];
  if (!school || !(vol > 0 && vol < 1000 && no > 0 && no < 1000)) return null;
  const edition = await getPublishedEdition(school, vol, no);
  return edition ? { school, edition } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { school, edition } = found;
  return { title: `${editionLabel(edition)} — ${school.newspaperName}`, alternates: { canonical: schoolUrl(school, `/issues/${edition.volume}/${edition.number}`) } };
}

export default async function IssuePage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { school, edition } = found;
  const date = dateFormat({ dateStyle: 'long', timeZone: 'UTC' });
  return (
    <main id="main" className="issue mx-auto max-w-3xl px-6 py-8">
      <p className="text-sm uppercase tracking-widest text-gray-700">{school.newspaperName}</p>
      <h1 className="font-serif text-4xl font-bold">{editionLabel(edition)}</h1>
      <p className="text-gray-700">
        <time dateTime={edition.issueDate.toISOString().slice(0, 10)}>{date.format(edition.issueDate)}</time>
        {edition.title ? ` · ${edition.title}` : ''}
      </p>
      {edition.sections.map((section) => (
        <section key={section.name} aria-labelledby={`issue-${section.name}`} className="mt-8">
          <h2 id={`issue-${section.name}`} className="border-b-2 border-gray-900 font-sans text-sm font-bold uppercase tracking-wide">
            {section.name}
          </h2>
          <ol className="divide-y divide-gray-200">
            {section.articles.map((article) => (
              <li key={article.id} className="flex gap-4 py-4">
                <div className="min-w-0 flex-1">
                  <h3 className="font-serif text-2xl font-bold">
                    <a href={`/${school.slug}/articles/${article.slug}`}>{article.headline}</a>
                  </h3>
                  {article.deck && <p className="mt-1 text-gray-700">{article.deck}</p>}
                </div>
                {article.image && <StoryThumbnail image={article.image} />}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
