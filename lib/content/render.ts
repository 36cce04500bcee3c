// Server-side rendering of article bodies to HTML from the shared extension list. The body was
// checked against the schema when saved; it is checked again here, so a row edited by hand in
// the database still cannot put markup on a reader's page.
import { DOMSerializer, Node } from '@tiptap/pm/model';
import { articleSchema, checkArticleDoc } from './document.ts';
import { withoutCommentAnchors } from './comment-anchors.ts';
import { serverDocument } from './server-dom.ts';

// What @tiptap/html's generateHTML does, without the window and the schema it builds on each call.
const serializer = DOMSerializer.fromSchema(articleSchema);

// A story's body is rendered once per object: the reader cache (lib/tenants/reader-cache.ts) keeps
// one body object while its school's content stands, so every uncached view of the story reuses
// the HTML. Bodies are never changed in place, which is what lets the object stand for its HTML.
const renderedBodies = new WeakMap<object, string>();

export function renderArticleHtml(doc: unknown): string {
  if (typeof doc !== 'object' || doc === null) return '';
  const kept = renderedBodies.get(doc);
  if (kept !== undefined) return kept;
  const html = renderUncached(doc);
  renderedBodies.set(doc, html);
  return html;
}

function renderUncached(doc: object): string {
  const checked = checkArticleDoc(doc);
  if (!checked.ok) return '';
  const document = serverDocument();
  const wrap = document.createElement('div');
  serializer.serializeFragment(Node.fromJSON(articleSchema, withoutCommentAnchors(checked.doc)).content, { document }, wrap);
  return wrap.innerHTML;
}
