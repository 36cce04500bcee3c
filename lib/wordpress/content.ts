// A WordPress post's HTML into our document: WordPress's own markup first (shortcodes, images,
// the paragraphs it leaves implicit), then the same paste cleaner and schema every other import
// goes through, so the editor's XSS rules apply. Images become figures only from files we hold.
import type { JSONContent } from '@tiptap/core';
import { importHtml } from '../content/import-html.ts';
import type { ArticleDoc } from '../content/document.ts';

export interface PostImage {
  /** The address in the post (usually https://old-site/wp-content/uploads/…). */
  src: string;
  alt: string;
  caption: string;
  credit: string;
  /** WordPress's attachment id, from [caption id="attachment_12"] or the class wp-image-12. */
  attachmentId: string | null;
}

export interface ConvertedPost {
  doc: ArticleDoc;
  images: PostImage[];
  /** Shortcodes we do not know, by name: reported, and their tags removed (their text is kept). */
  unknownShortcodes: string[];
}

// Shortcodes whose meaning we keep; every other [name …] is reported and unwrapped.
const KNOWN_SHORTCODES = new Set(['caption', 'wp_caption', 'embed']);
const MARKER = (index: number) => `@@masthead-figure-${index}@@`;
const MARKER_PATTERN = /@@masthead-figure-(\d+)@@/g;

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? (match[2] ?? match[3] ?? '') : '';
}

/** HTML's character references, as WordPress writes them in titles, excerpts and attributes. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** wpautop, briefly: WordPress stores classic posts' paragraphs as blank lines and adds the <p>s
 * on output; text between blocks (what a removed shortcode leaves) becomes a paragraph too. */
function autoParagraphs(html: string): string {
  return html
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (/^<(p|h[1-6]|ul|ol|blockquote|figure|table|div|pre|hr|aside)\b/i.test(block) ? block : `<p>${block.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
}

export function convertPost(html: string): ConvertedPost {
  const images: PostImage[] = [];
  const unknown = new Set<string>();
  const placeImage = (image: PostImage) => {
    images.push(image);
    // On a line of its own, so it becomes a paragraph of its own that the figure replaces.
    return `\n\n${MARKER(images.length - 1)}\n\n`;
  };

  let text = html.replace(/\r\n/g, '\n');
  // [caption id="attachment_12" align="alignnone" width="640"]<img …> The caption.[/caption]
  text = text.replace(/\[(?:wp_)?caption([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi, (_, attributes: string, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
    if (!img) return inner;
    const id = /attachment_(\d+)/.exec(attribute(`x ${attributes}`, 'id'))?.[1] ?? /wp-image-(\d+)/.exec(attribute(img, 'class'))?.[1] ?? null;
    return placeImage({
      src: attribute(img, 'src'),
      alt: decodeEntities(attribute(img, 'alt')),
      caption: stripTags(inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '')),
      credit: '',
      attachmentId: id,
    });
  });
  // Figures: the block editor's <figure class="wp-block-image"> and our own (in a Masthead export).
  text = text.replace(/<figure\b[^>]*>([\s\S]*?)<\/figure>/gi, (match, inner: string) => {
    const img = /<img\b[^>]*>/i.exec(inner)?.[0];
    if (!img) return match;
    const part = (pattern: RegExp) => stripTags(pattern.exec(inner)?.[1] ?? '');
    const caption = part(/<[^>]*\bdata-caption\b[^>]*>([\s\S]*?)<\/span>/i) || part(/<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i);
    return placeImage({
      src: attribute(img, 'src'),
      alt: decodeEntities(attribute(img, 'alt')),
      caption,
      credit: part(/<[^>]*\bdata-credit\b[^>]*>([\s\S]*?)<\/span>/i),
      attachmentId: /wp-image-(\d+)/.exec(attribute(img, 'class'))?.[1] ?? null,
    });
  });
  // Images outside captions (often wrapped in a link to the full-size file).
  text = text.replace(/(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/gi, (match) => {
    const img = /<img\b[^>]*>/i.exec(match)![0];
    return placeImage({ src: attribute(img, 'src'), alt: decodeEntities(attribute(img, 'alt')), caption: '', credit: '', attachmentId: /wp-image-(\d+)/.exec(attribute(img, 'class'))?.[1] ?? null });
  });
  // [embed]https://…[/embed] and other embeds: a link, since readers' pages load nothing from elsewhere.
  text = text.replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_, url: string) => `<p><a href="${url.trim()}">${url.trim()}</a></p>`);
  // Any other shortcode: reported, tags removed, enclosed text kept.
  text = text.replace(/\[\/?([a-z][\w-]*)(?:\s[^\]]*)?\]/gi, (match, name: string) => {
    if (KNOWN_SHORTCODES.has(name.toLowerCase())) return match;
    unknown.add(name.toLowerCase());
    return '';
  });
  // WordPress block comments (<!-- wp:paragraph -->) carry no content.
  text = text.replace(/<!--[\s\S]*?-->/g, '');

  const doc = importHtml(autoParagraphs(text));
  return { doc, images, unknownShortcodes: [...unknown] };
}

/** Puts each image's figure where its marker paragraph stands; `figureFor` gives null for an image
 * whose file we do not have, which is then left out (and reported by the caller). */
export function placeFigures(doc: ArticleDoc, figureFor: (index: number) => JSONContent | null): ArticleDoc {
  const content: JSONContent[] = [];
  for (const node of doc.content ?? []) {
    const markers = [...JSON.stringify(node).matchAll(MARKER_PATTERN)].map((match) => Number(match[1]));
    if (markers.length === 0) {
      content.push(node);
      continue;
    }
    // The paragraph's own text without the markers, if any is left; then the figures.
    const rest = JSON.parse(JSON.stringify(node).replace(MARKER_PATTERN, '')) as JSONContent;
    const hasText = (rest.content ?? []).some((child) => child.type !== 'text' || (child.text ?? '').trim() !== '');
    if (hasText) content.push({ ...rest, content: (rest.content ?? []).filter((child) => child.type !== 'text' || child.text !== '') });
    for (const index of markers) {
      const figure = figureFor(index);
      if (figure) content.push(figure);
    }
  }
  return { ...doc, content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
