import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { BylineBlock } from '@/components/article/BylineBlock';
import { CorrectionNotes } from '@/components/article/CorrectionNotes';
import { getPublishedArticle } from '@/lib/articles/public';
import { getSchoolBySlug } from '@/lib/tenants';

type Params = { params: Promise<{ school: string; slug: string }> };

async function load(params: Params['params']) {
  const { school: schoolSlug, slug } = await params;
  const school = await getSchoolBySlug(schoolSlug);
  if (!school) return null;
  const article = await getPublishedArticle(school, slug);
  return article ? { school, article } : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  return { title: `${found.article.revision.headline} — ${found.school.newspaperName}`, description: found.article.revision.deck };
}

export default async function ArticlePage({ params }: Params) {
  const found = await load(params);
  if (!found) notFound();
  const { school, article } = found;
  const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: school.timeZone });
  return (
    <main id="main" className="mx-auto max-w-2xl px-6 py-10">
      <article>
        <header className="mb-8">
          {article.section && <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">{article.section.name}</p>}
          <h1 className="mt-2 font-serif text-4xl leading-tight font-bold">{article.revision.headline}</h1>
          {article.revision.deck && <p className="mt-3 text-xl text-gray-700">{article.revision.deck}</p>}
          <p className="mt-4 text-sm text-gray-700">
            {article.bylines.length > 0 && <>By {article.bylines.map((byline) => byline.name).join(' and ')} · </>}
            {article.publishedAt && <time dateTime={article.publishedAt.toISOString()}>{dateFormat.format(article.publishedAt)}</time>}
          </p>
        </header>
        <ArticleBody doc={article.revision.body} />
        <CorrectionNotes corrections={article.corrections} timeZone={school.timeZone} />
        <BylineBlock schoolSlug={school.slug} bylines={article.bylines} />
      </article>
    </main>
  );
}
