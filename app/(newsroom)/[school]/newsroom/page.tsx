import Link from 'next/link';
import { requireNewsroomActor } from '@/lib/auth/session';
import { listNewsroomArticles } from '@/lib/articles/newsroom';
import { startArticle } from './actions';

export default async function NewsroomDashboardPage({ params }: { params: Promise<{ school: string }> }) {
  const { school: slug } = await params;
  const { actor } = await requireNewsroomActor(slug, `/${slug}/newsroom`);
  const articles = await listNewsroomArticles(actor);
  return (
    <main id="main" className="mx-auto max-w-6xl px-6 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Articles</h1>
        <div className="flex items-center gap-4">
          <Link className="underline" href={`/${slug}/newsroom/profile`}>
            Your profile
          </Link>
          <Link className="underline" href={`/${slug}/newsroom/import`}>
            Import a file
          </Link>
          <form action={startArticle.bind(null, slug)}>
            <button type="submit" className="rounded bg-gray-900 px-4 py-2 font-semibold text-white">
              New article
            </button>
          </form>
        </div>
      </div>
      <table className="mt-6 w-full text-left">
        <thead>
          <tr className="border-b border-gray-300">
            <th className="py-2">Headline</th>
            <th>Section</th>
            <th>Status</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => (
            <tr key={article.id} className="border-b border-gray-200">
              <td className="py-2">
                <Link className="underline" href={`/${slug}/newsroom/articles/${article.id}`}>
                  {article.headline || 'Untitled draft'}
                </Link>
              </td>
              <td>{article.section?.name ?? '—'}</td>
              <td>{article.status.toLowerCase().replace('_', ' ')}</td>
              <td>{article.updatedAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
