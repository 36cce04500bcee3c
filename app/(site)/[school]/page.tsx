import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleSummaryList } from '@/components/article/ArticleSummaryList';
import { listPublishedArticles } from '@/lib/articles/public';
import { getSchoolBySlug } from '@/lib/tenants';

type Params = { params: Promise<{ school: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const school = await getSchoolBySlug((await params).school);
  return school ? { title: `${school.newspaperName} — ${school.name}` } : {};
}

export default async function FrontPage({ params }: Params) {
  const school = await getSchoolBySlug((await params).school);
  if (!school) notFound();
  const articles = await listPublishedArticles(school, { take: 20 });
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <h1 className="sr-only">{school.newspaperName} front page</h1>
      <ArticleSummaryList schoolSlug={school.slug} articles={articles} />
    </main>
  );
}
