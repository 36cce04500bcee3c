// Server-side rendering of article bodies to HTML from the shared extension list. The body was
// checked against the schema when saved; it is checked again here, so a row edited by hand in
// the database still cannot put markup on a reader's page.
import { generateHTML } from '@tiptap/html/server';
import { articleExtensions } from './extensions.ts';
import { checkArticleDoc } from './document.ts';
import { withoutCommentAnchors } from './comment-anchors.ts';

export function renderArticleHtml(doc: unknown): string {
  const checked = checkArticleDoc(doc);
  if (!checked.ok) return '';
  return generateHTML(withoutCommentAnchors(checked.doc), articleExtensions);
}
