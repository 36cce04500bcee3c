import type { PublishedArticleSummary } from '@/lib/articles/public';
import { dateFormat } from '@/lib/dates';
import { LiveBadge } from './LiveBadge';
import { StoryThumbnail } from './StoryThumbnail';

/** A list of stories as a section front shows them; `level` keeps the page's heading order. */
export function ArticleSummaryList({ schoolSlug, articles, level = 2, showSection = true }: { schoolSlug: string; articles: PublishedArticleSummary[]; level?: 2 | 3; showSection?: boolean }) {
  if (articles.length === 0) return <p className="text-gray-700">Nothing has been published here yet.</p>;
  const Heading = level === 2 ? 'h2' : 'h3';
  const date = dateFormat({ dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <ul className="divide-y divide-gray-200">
      {articles.map((article) => (
        <li key={article.id} className="flex gap-4 py-5">
          <div className="min-w-0 flex-1">
            {showSection && article.section && <p className="text-sm font-semibold uppercase tracking-wide text-[var(--accent)]">{article.section.name}</p>}
            <Heading className="font-serif text-2xl font-bold">
              {article.live && <LiveBadge />}
              <a href={`/${schoolSlug}/articles/${article.slug}`}>{article.headline}</a>
            </Heading>
            {article.deck && <p className="mt-1 text-gray-700">{article.deck}</p>}
            <p className="mt-1 text-sm text-gray-700">
              {article.byline && <>By {article.byline} · </>}
              {article.publishedAt && <time dateTime={article.publishedAt.toISOString()}>{date.format(article.publishedAt)}</time>}
            </p>
          </div>
          {article.image && <StoryThumbnail image={article.image} />}
        </li>
      ))}
    </ul>
  );
}
