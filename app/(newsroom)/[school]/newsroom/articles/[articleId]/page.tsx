import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { requireNewsroomActor } from '@/lib/auth/session';
import { getNewsroomArticle } from '@/lib/articles/newsroom';

export default async function NewsroomArticlePage({ params }: { params: Promise<{ school: string; articleId: string }> }) {
  const { school: slug, articleId } = await params;
  const { actor } = await requireNewsroomActor(slug, `/${slug}/newsroom/articles/${articleId}`);
  const article = await getNewsroomArticle(actor, articleId);
  if (!article) notFound();
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <p className="text-sm uppercase text-gray-700">
        {article.section?.name ?? 'No section'} · {article.status.toLowerCase().replace('_', ' ')}
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{article.headline || 'Untitled draft'}</h1>
      {article.deck && <p className="mt-2 text-lg text-gray-700">{article.deck}</p>}
      <div className="mt-6">
        <ArticleBody doc={article.body} />
      </div>
    </main>
  );
}
