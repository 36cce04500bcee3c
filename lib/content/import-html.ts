// Server-side imports of formatted text: HTML (as Google Docs or Word put it on the clipboard) and
// .docx files (through mammoth, which maps Word styles to plain HTML). Both end as nodes of our
// schema, checked like any saved body.
import { DOMParser as ProseMirrorParser } from '@tiptap/pm/model';
import { serverDocument } from './server-dom.ts';
import mammoth from 'mammoth';
import { cleanPastedHtml } from './clean-html.ts';
import { articleSchema, checkArticleDoc, type ArticleDoc } from './document.ts';

function cleanOnServer(html: string): HTMLElement {
  const document = serverDocument();
  const root = document.createElement('div');
  root.innerHTML = html;
  cleanPastedHtml(document, root);
  return root;
}

// What @tiptap/html's generateJSON does, without the new window and schema it builds on each call.
const parser = ProseMirrorParser.fromSchema(articleSchema);

export function importHtml(html: string): ArticleDoc {
  const json = parser.parse(cleanOnServer(html)).toJSON();
  const checked = checkArticleDoc(json);
  // The parser only makes nodes of our schema, so a failure here would be a bug, not bad input.
  if (!checked.ok) throw new Error(checked.error);
  return checked.doc;
}

const WORD_STYLE_MAP = [
  "p[style-name='Title'] => h2:fresh",
  "p[style-name='Subtitle'] => h3:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => aside.pull-quote:fresh",
];

export async function importDocx(bytes: Buffer): Promise<ArticleDoc> {
  const converted = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: WORD_STYLE_MAP, ignoreEmptyParagraphs: true });
  return importHtml(converted.value);
}
