import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listPublishedEditions } from '@/lib/editions';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';
import { editionLabel } from '@/lib/editions/label';
import { dateFormat } from '@/lib/dates';

type Params = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Issues — ${school.newspaperName}`, alternates: { canonical: schoolUrl(school, '/issues') } } : {};
}

export default async function IssueArchivePage({ params }: Params) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const editions = await listPublishedEditions(school);
  const date = dateFormat({ dateStyle: 'long', timeZone: 'UTC' });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">Issues</h1>
      {editions.length === 0 && <p className="mt-4 text-gray-700">No issues have been published yet.</p>}
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {editions.map((edition) => (
          <li key={edition.id} className="rounded border border-gray-300 p-4">
            <h2 className="font-serif text-2xl font-bold">
              <a href={`/${school.slug}/issues/${edition.volume}/${edition.number}`}>{editionLabel(edition)}</a>
            </h2>
            <p className="text-gray-700">
              <time dateTime={edition.issueDate.toISOString().slice(0, 10)}>{date.format(edition.issueDate)}</time>
              {edition.title ? ` · ${edition.title}` : ''}
            </p>
            <p className="text-sm text-gray-700">
              {edition._count.items} {edition._count.items === 1 ? 'story' : 'stories'}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
