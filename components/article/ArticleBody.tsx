import type { JSONContent } from '@tiptap/core';
import { renderArticleHtml } from '@/lib/content/render';
import { COLUMN_IMAGE_SIZES } from '@/lib/content/extensions';
import { FULL_BLEED_FORMS, partsAtSubheads, storyFormOf } from '@/lib/content/story-forms';

const html = (content: JSONContent[]) => ({ __html: renderArticleHtml({ type: 'doc', content }) });

// The HTML comes from our server renderer, built only from the shared schema's nodes and marks. A
// side-by-side story stands its parts (each subhead and what follows it) in columns; every other
// form is one flow, laid out by the page (lib/content/story-forms.ts).
export function ArticleBody({ doc }: { doc: unknown }) {
  if (storyFormOf(doc) === 'side-by-side') {
    const { intro, parts } = partsAtSubheads(doc as JSONContent);
    return (
      <div className="article-body">
        {intro.length > 0 && <div dangerouslySetInnerHTML={html(intro)} />}
        <div className="side-by-side">
          {parts.map((part, index) => (
            <section key={index} className="side" dangerouslySetInnerHTML={html(part)} />
          ))}
        </div>
      </div>
    );
  }
  const body = renderArticleHtml(doc);
  // A full-bleed photo is as wide as the screen: the browser should fetch a rendition to match.
  const sized = FULL_BLEED_FORMS.has(storyFormOf(doc)) ? body.replaceAll(`sizes="${COLUMN_IMAGE_SIZES}"`, 'sizes="100vw"') : body;
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: sized }} />;
}
