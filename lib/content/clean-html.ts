// Cleans HTML pasted from Google Docs and Word (or converted from .docx) down to the elements our
// schema knows, before Tiptap parses it. Runs on a DOM: the browser's when a reporter pastes,
// happy-dom's on the server for imports, so both paths give the same nodes.

// Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">:
// taken at its word, every pasted paragraph would turn bold.
const GOOGLE_DOCS_WRAPPER = /^docs-internal-guid-/;
const DROP_WITH_CONTENT =
  'style, script, meta, link, title, head, xml, template, iframe, object, embed, svg, math, noscript, img, picture, video, audio, canvas, form, input, button, select, textarea';
const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'A', 'STRONG', 'B', 'EM', 'I', 'BR', 'HR', 'ASIDE']);

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function isBoldStyle(style: string): boolean {
  const weight = /font-weight:(\w+)/.exec(style)?.[1];
  return weight === 'bold' || weight === 'bolder' || (weight !== undefined && Number(weight) >= 600);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(document: Document, element: Element, tag: string): Element {
  const replacement = document.createElement(tag);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

/** Google wraps pasted links in a redirect ("google.com/url?q=<real address>"). */
function realHref(href: string): string {
  try {
    const url = new URL(href);
    if (/(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url') return url.searchParams.get('q') ?? href;
  } catch {
    // Relative or malformed: left for the schema's link check to accept or drop.
  }
  return href;
}

// Word marks list items as paragraphs with "mso-list" styles and a typed bullet or number.
function isWordListParagraph(element: Element): boolean {
  return element.tagName === 'P' && (/^MsoListParagraph/.test(element.getAttribute('class') ?? '') || styleOf(element).includes('mso-list:'));
}

// A bullet glyph Word typed before the text (Symbol's "·", "•", Wingdings' "§" and private-use
// glyphs, Courier's "o" when padded with no-break spaces) and the spaces after it.
const TYPED_BULLET = /^[\s\u00a0]*(?:[·•▪◦§\uf0a7\uf0b7\uf0d8\uf076][\s\u00a0]+|o\u00a0[\s\u00a0]*)/;

function removeLeadingBullet(item: Element): void {
  // The glyph and its padding are often in separate spans, so the match is made on the whole text
  // and then cut from the text nodes it spans.
  let remaining = TYPED_BULLET.exec(item.textContent ?? '')?.[0].length ?? 0;
  const walker = item.ownerDocument.createTreeWalker(item, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && remaining > 0; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    node.textContent = text.slice(Math.min(remaining, text.length));
    remaining -= Math.min(remaining, text.length);
  }
}

function convertWordLists(document: Document, root: Element): void {
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (!root.contains(paragraph) || !isWordListParagraph(paragraph)) continue;
    const run: Element[] = [];
    for (let node: Element | null = paragraph; node && isWordListParagraph(node); node = node.nextElementSibling) run.push(node);
    const markerOf = (item: Element) => Array.from(item.querySelectorAll('*')).filter((child) => styleOf(child).includes('mso-list:ignore'));
    const marker = (markerOf(run[0]!)[0]?.textContent ?? run[0]!.textContent ?? '').trim();
    const list = document.createElement(/^(\d+|[a-z]|[ivx]+)[.)]/i.test(marker) ? 'ol' : 'ul');
    run[0]!.before(list);
    for (const item of run) {
      // The typed bullet ("·", "1.") sits in a span Word marks mso-list:Ignore; some copies (Word
      // for the web, Outlook) leave the glyph unmarked at the start of the text instead.
      markerOf(item).forEach((ignored) => ignored.remove());
      removeLeadingBullet(item);
      const li = document.createElement('li');
      const p = document.createElement('p');
      p.append(...Array.from(item.childNodes));
      li.append(p);
      list.append(li);
      item.remove();
    }
  }
}

function removeComments(root: Node): void {
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) child.parentNode?.removeChild(child);
      else walk(child);
    }
  };
  walk(root);
}

export function cleanPastedHtml(document: Document, root: Element): void {
  removeComments(root);
  root.querySelectorAll(DROP_WITH_CONTENT).forEach((element) => element.remove());
  // Word's namespaced tags (<o:p>, <w:…>) carry nothing a reader needs.
  root.querySelectorAll('*').forEach((element) => {
    if (element.tagName.includes(':')) element.remove();
  });
  convertWordLists(document, root);

  // Word's "Quote" paragraph styles are quotations; its Title is at most a subhead here.
  root.querySelectorAll('p').forEach((paragraph) => {
    const className = paragraph.getAttribute('class') ?? '';
    if (/^Mso(Intense)?Quote/.test(className)) {
      const quote = document.createElement('blockquote');
      paragraph.replaceWith(quote);
      quote.append(paragraph);
    } else if (/^MsoTitle/.test(className)) rename(document, paragraph, 'h2');
  });

  // Deepest first, so an unwrapped parent never hides a child from the loop.
  for (const element of Array.from(root.querySelectorAll('*')).reverse()) {
    const tag = element.tagName.toUpperCase();
    const style = styleOf(element);
    if (tag === 'B' && GOOGLE_DOCS_WRAPPER.test(element.getAttribute('id') ?? '')) {
      unwrap(element);
      continue;
    }
    if (tag === 'SPAN' || tag === 'FONT' || ((tag === 'B' || tag === 'STRONG') && /font-weight:(normal|400)/.test(style))) {
      // Styled spans carry the only bold and italic Google Docs writes; everything else goes.
      let inner: Element | null = null;
      if (tag !== 'B' && tag !== 'STRONG' && isBoldStyle(style)) inner = document.createElement('strong');
      if (/font-style:italic/.test(style)) {
        const em = document.createElement('em');
        if (inner) inner.append(em);
        inner ??= em;
      }
      if (inner) {
        let deepest = inner;
        while (deepest.firstElementChild) deepest = deepest.firstElementChild;
        deepest.append(...Array.from(element.childNodes));
        element.replaceWith(inner);
      } else unwrap(element);
      continue;
    }
    if (tag === 'H1') {
      rename(document, element, 'h2');
      continue;
    }
    if (tag === 'H4' || tag === 'H5' || tag === 'H6') {
      rename(document, element, 'h3');
      continue;
    }
    if (!KEEP.has(tag)) {
      // Tables, divs, sections: keep the words, lose the box. Cells become paragraphs.
      if (tag === 'TD' || tag === 'TH' || tag === 'DIV' || tag === 'SECTION' || tag === 'ARTICLE') rename(document, element, 'p');
      else unwrap(element);
      continue;
    }
    const href = tag === 'A' ? element.getAttribute('href') : null;
    const pullQuote = tag === 'ASIDE' && (element.hasAttribute('data-pull-quote') || /\bpull-quote\b/.test(element.getAttribute('class') ?? ''));
    for (const attribute of Array.from(element.attributes)) element.removeAttribute(attribute.name);
    if (href) element.setAttribute('href', realHref(href.trim()));
    if (pullQuote) element.setAttribute('data-pull-quote', '');
  }
  // Blank lines typed as spacing (Word's &nbsp; paragraphs, Google's <br> between blocks) are not
  // content: paragraphs are spaced by the stylesheet.
  root.querySelectorAll('p').forEach((paragraph) => {
    if (!(paragraph.textContent ?? '').replace(/\u00a0/g, ' ').trim()) paragraph.remove();
  });
  Array.from(root.children).forEach((child) => {
    if (child.tagName === 'BR') child.remove();
  });
}

/** For the editor's paste handler: the browser's own parser, which runs no script. */
export function cleanPastedHtmlInBrowser(html: string): string {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  cleanPastedHtml(document, document.body);
  return document.body.innerHTML;
}
