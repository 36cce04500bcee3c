import { renderArticleHtml } from '@/lib/content/render';

// The HTML comes from our server renderer, built only from the shared schema's nodes and marks.
export function ArticleBody({ doc }: { doc: unknown }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: renderArticleHtml(doc) }} />;
}
