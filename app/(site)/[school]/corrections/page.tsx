import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listCorrections } from '@/lib/articles/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { dateFormat } from '@/lib/dates';

type Params = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `Corrections — ${school.newspaperName}` } : {};
}

export default async function CorrectionsPage({ params }: Params) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const corrections = await listCorrections(school);
  const format = dateFormat({ dateStyle: 'long', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-3xl font-bold">Corrections</h1>
      <p className="mt-2 text-gray-700">When {school.newspaperName} gets something wrong, we correct it and say so here.</p>
      {corrections.length === 0 && <p className="mt-6">No corrections have been published.</p>}
      <ul className="mt-6 divide-y divide-gray-200">
        {corrections.map((correction) => (
          <li key={correction.id} className="py-4">
            <p className="text-sm text-gray-700">
              <time dateTime={correction.createdAt.toISOString()}>{format.format(correction.createdAt)}</time>
            </p>
            <p className="font-serif text-lg font-bold">
              <a href={`/${school.slug}/articles/${correction.article.slug}`}>{correction.article.publishedRevision?.headline}</a>
            </p>
            <p>{correction.note}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
