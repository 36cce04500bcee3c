import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { Pager } from '@/components/ui';
import { countPublishedArticles, listPublishedArticles } from '@/lib/articles/public';
import { pageCount, pageNumber } from '@/lib/paging';
import { getReporter } from '@/lib/people/public';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Params = { params: Promise<{ school: string; member: string }> };
type Props = Params & { searchParams: Promise<{ page?: string }> };
// A reporter's work a page at a time, newest first, as a section's stories are.
const PAGE_SIZE = 20;

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

export default async function ReporterPage({ params, searchParams }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { school, reporter } = found;
  const page = pageNumber((await searchParams).page);
  const [articles, total] = await Promise.all([
    listPublishedArticles(school, { membershipId: reporter.id, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE }),
    countPublishedArticles(school, { membershipId: reporter.id }),
  ]);
  const base = `/${school.slug}/staff/${reporter.slug}`;
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
      <Pager page={page} pages={pageCount(total, PAGE_SIZE)} href={(to) => `${base}?page=${to}`} newer="Newer work" older="Older work" />
    </main>
  );
}
