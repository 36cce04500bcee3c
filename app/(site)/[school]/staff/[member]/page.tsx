import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { listPublishedArticles } from '@/lib/articles/public';
import { getReporter } from '@/lib/people/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Params = { params: Promise<{ school: string; member: string }> };

async function load(params: Params['params']) {
  const { school: schoolSlug, member } = await params;
  const school = await getSchoolBySlug(schoolSlug);
  const reporter = school ? await getReporter(school, member) : null;
  return school && reporter ? { school, reporter } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const url = schoolUrl(found.school, `/staff/${found.reporter.slug}`);
  return { title: `${found.reporter.name} — ${found.school.newspaperName}`, alternates: { canonical: url, types: { 'application/rss+xml': `${url}/feed.xml` } } };
}

export default async function ReporterPage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { school, reporter } = found;
  const articles = await listPublishedArticles(school, { membershipId: reporter.id, take: 50 });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">{reporter.name}</h1>
      <p className="mt-1 text-gray-700">
        {reporter.title}
        {reporter.alumni ? ' (alumni)' : ''}
      </p>
      {reporter.bio && <p className="mt-3 italic">{reporter.bio}</p>}
      <h2 className="mt-8 font-sans text-sm font-bold uppercase tracking-wide">Published work</h2>
      <ArticleSummaryList schoolSlug={school.slug} articles={articles} level={3} />
    </main>
  );
}
