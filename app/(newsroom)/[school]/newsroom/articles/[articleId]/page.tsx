import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/article/ArticleBody';
import { ArticleEditor } from '@/components/editor/ArticleEditor';
import { requireNewsroomActor } from '@/lib/auth/session';
import { getArticleForEditing } from '@/lib/articles/newsroom';

export default async function NewsroomArticlePage({ params }: { params: Promise<{ school: string; articleId: string }> }) {
  const { school: slug, articleId } = await params;
  const { actor } = await requireNewsroomActor(slug, `/${slug}/newsroom/articles/${articleId}`);
  const found = await getArticleForEditing(actor, articleId);
  if (!found.ok) notFound();
  const { article, editable, draft, sections, staff, bylineTitles, maxHeadlineLength } = found.data;
  const status = article.status.toLowerCase().replace('_', ' ');
  if (editable) {
    return (
      <main id="main" className="mx-auto max-w-3xl px-6 py-8">
        <h1 className="sr-only">Edit article</h1>
        <p className="mb-2 text-sm uppercase text-gray-700">Status: {status}</p>
        <ArticleEditor
          schoolSlug={slug}
          articleId={article.id}
          server={draft}
          sections={sections.map(({ id, name }) => ({ id, name }))}
          staff={staff}
          bylineTitles={bylineTitles}
          maxHeadlineLength={maxHeadlineLength}
          revisionsHref={`/${slug}/newsroom/articles/${article.id}/revisions`}
        />
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-8">
      <p className="text-sm uppercase text-gray-700">
        {article.section?.name ?? 'No section'} · {status}
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{article.headline || 'Untitled draft'}</h1>
      {article.deck && <p className="mt-2 text-lg text-gray-700">{article.deck}</p>}
      <div className="mt-6">
        <ArticleBody doc={article.body} />
      </div>
    </main>
  );
}
