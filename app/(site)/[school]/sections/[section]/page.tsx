import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { Pager } from '@/components/ui';
import { countPublishedArticles, listPublishedArticles } from '@/lib/articles/public';
import { pageCount, pageNumber } from '@/lib/paging';
import { getSchoolBySlug } from '@/lib/tenants';
import { schoolUrl } from '@/lib/tenants/urls';

type Props = { params: Promise<{ school: string; section: string }>; searchParams: Promise<{ page?: string }> };
const PAGE_SIZE = 20;

async function load(params: Props['params']) {
  const { school: schoolSlug, section: sectionSlug } = await params;
  const school = await getSchoolBySlug(schoolSlug);
  const section = school ? school.sections.find((candidate) => candidate.slug === sectionSlug) : undefined;
  return school && section ? { school, section } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const url = schoolUrl(found.school, `/sections/${found.section.slug}`);
  return { title: `${found.section.name} — ${found.school.newspaperName}`, alternates: { canonical: url, types: { 'application/rss+xml': `${url}/feed.xml` } } };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { school, section } = found;
  const page = pageNumber((await searchParams).page);
  const [articles, total] = await Promise.all([
    listPublishedArticles(school, { sectionId: section.id, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE }),
    countPublishedArticles(school, { sectionId: section.id }),
  ]);
  const pages = pageCount(total, PAGE_SIZE);
  const base = `/${school.slug}/sections/${section.slug}`;
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="font-serif text-4xl font-bold">{section.name}</h1>
      <ArticleSummaryList schoolSlug={school.slug} articles={articles} showSection={false} />
      <Pager page={page} pages={pages} href={(to) => `${base}?page=${to}`} newer="Newer stories" older="Older stories" />
    </main>
  );
}
