// Server-side imports of formatted text: HTML (as Google Docs or Word put it on the clipboard) and
// .docx files (through mammoth, which maps Word styles to plain HTML). Both end as nodes of our
// schema, checked like any saved body.
import { generateJSON } from '@tiptap/html/server';
import { Window } from 'happy-dom';
import mammoth from 'mammoth';
import { cleanPastedHtml } from './clean-html.ts';
import { checkArticleDoc, type ArticleDoc } from './document.ts';
import { articleExtensions } from './extensions.ts';

function cleanOnServer(html: string): string {
  // No script, style or frame ever loads: happy-dom is only a parser here.
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true },
  });
  try {
    const document = window.document as unknown as Document;
    const root = document.createElement('div');
    root.innerHTML = html;
    cleanPastedHtml(document, root);
    return root.innerHTML;
  } finally {
    void window.happyDOM.close();
  }
}

export function importHtml(html: string): ArticleDoc {
  const json = generateJSON(cleanOnServer(html), articleExtensions);
  const checked = checkArticleDoc(json);
  // generateJSON only makes nodes of our schema, so a failure here would be a bug, not bad input.
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
