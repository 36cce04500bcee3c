// Server-side rendering of article bodies to HTML from the shared extension list. The body was
// checked against the schema when saved; it is checked again here, so a row edited by hand in
// the database still cannot put markup on a reader's page.
import { DOMSerializer, Node } from '@tiptap/pm/model';
import { articleSchema, checkArticleDoc } from './document.ts';
import { withoutCommentAnchors } from './comment-anchors.ts';
import { serverDocument } from './server-dom.ts';

// What @tiptap/html's generateHTML does, without the window and the schema it builds on each call.
const serializer = DOMSerializer.fromSchema(articleSchema);

export function renderArticleHtml(doc: unknown): string {
  const checked = checkArticleDoc(doc);
  if (!checked.ok) return '';
  const document = serverDocument();
  const wrap = document.createElement('div');
  serializer.serializeFragment(Node.fromJSON(articleSchema, withoutCommentAnchors(checked.doc)).content, { document }, wrap);
  return wrap.innerHTML;
}
