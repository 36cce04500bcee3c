import Link from 'next/link';
import type { PublishedArticleSummary } from '@/lib/articles/public';

export function ArticleSummaryList({ schoolSlug, articles }: { schoolSlug: string; articles: PublishedArticleSummary[] }) {
  if (articles.length === 0) return <p className="text-gray-700">Nothing has been published yet.</p>;
  return (
    <ul className="divide-y divide-gray-200">
      {articles.map((article) => (
        <li key={article.id} className="py-5">
          {article.section && <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">{article.section.name}</p>}
          <h2 className="font-serif text-2xl font-bold">
            <Link href={`/${schoolSlug}/articles/${article.slug}`}>{article.headline}</Link>
          </h2>
          {article.deck && <p className="mt-1 text-gray-700">{article.deck}</p>}
        </li>
      ))}
    </ul>
  );
}
