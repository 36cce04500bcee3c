// The one list of Tiptap extensions: the newsroom editor and the server renderer both use it, so
// what a reporter can write is exactly what a reader's page can show — and nothing else.
import { Extension, Mark, Node, mergeAttributes, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { safeImageSrc, srcsetFor } from '../media/variants.ts';
import { Audio } from './audio.ts';
import { Embed } from './embed.ts';
import { Gallery } from './gallery.ts';
import { Video } from './video.ts';
import { DEFAULT_STORY_FORM } from './story-forms.ts';

export const SAFE_LINK_PROTOCOLS = ['http', 'https', 'mailto', 'tel'] as const;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2048) return false;
  const trimmed = href.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  if (trimmed.startsWith('#')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme !== undefined && (SAFE_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

// A pull quote repeats a line from the story in large type; unlike a block quote it is display
// copy, not attributed speech, so it is its own node.
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: 'bold italic',
  defining: true,
  parseHTML() {
    // Rendered as <aside><p>…</p></aside>; the text lives in the inner paragraph.
    return [{ tag: 'aside[data-pull-quote]', contentElement: (dom) => (dom as HTMLElement).querySelector('p') ?? (dom as HTMLElement) }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { 'data-pull-quote': '', class: 'pull-quote' }), ['p', 0]];
  },
});

/** How wide a figure is shown in the story's column, for the browser's choice of rendition. */
export const COLUMN_IMAGE_SIZES = '(min-width: 48rem) 42rem, 100vw';

// Images are figures: alt text for screen readers, a caption, and a photo credit, which
// journalism ethics (and copyright) require.
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      mediaId: { default: null },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
      width: { default: null },
      height: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-figure]',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          return {
            src: img?.getAttribute('src') ?? null,
            mediaId: element.getAttribute('data-media-id'),
            alt: img?.getAttribute('alt') ?? '',
            caption: element.querySelector('[data-caption]')?.textContent ?? '',
            credit: element.querySelector('[data-credit]')?.textContent ?? '',
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { src, alt, caption, credit, mediaId, width, height } = node.attrs as Record<string, string | number | null>;
    const safeSrc = safeImageSrc(src);
    const figcaption: unknown[] = ['figcaption', {}];
    if (caption) figcaption.push(['span', { 'data-caption': '', class: 'caption' }, String(caption)]);
    if (credit) figcaption.push(['span', { 'data-credit': '', class: 'credit' }, String(credit)]);
    const srcset = safeSrc ? srcsetFor(safeSrc, typeof width === 'number' ? width : null) : null;
    const responsive = srcset ? { srcset, sizes: COLUMN_IMAGE_SIZES } : {};
    const img = ['img', { src: safeSrc, ...responsive, alt: String(alt ?? ''), loading: 'lazy', decoding: 'async', ...(width ? { width } : {}), ...(height ? { height } : {}) }];
    return ['figure', { 'data-figure': '', 'data-media-id': mediaId ?? undefined }, img, ...(caption || credit ? [figcaption] : [])] as never;
  },
});

// A reviewer's comment on a stretch of text: the mark carries the comment's id. Several comments
// may cover the same words. It lives in the newsroom's copy only; readers' HTML and the approval
// hash are computed without it (comment-anchors.ts).
export const CommentAnchor = Mark.create({
  name: 'commentAnchor',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-comment-id'),
        renderHTML: (attributes) => ({ 'data-comment-id': attributes.id }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'mark[data-comment-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['mark', mergeAttributes(HTMLAttributes, { class: 'comment-anchor' }), 0];
  },
});

// A reviewer's suggested insertion or deletion (lib/content/suggestions.ts): who suggested it
// travels with the words. Never part of an approved or published text: approval waits for none.
function suggestionMark(name: string, tag: 'ins' | 'del', excludes: string) {
  const dataAttribute = (attribute: string, data: string) => ({
    [attribute]: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute(data), renderHTML: (attributes: Record<string, unknown>) => ({ [data]: attributes[attribute] }) },
  });
  return Mark.create({
    name,
    inclusive: false,
    excludes,
    addAttributes() {
      return { ...dataAttribute('id', 'data-suggestion'), ...dataAttribute('authorId', 'data-author-id'), ...dataAttribute('authorName', 'data-author') };
    },
    parseHTML() {
      return [{ tag: `${tag}[data-suggestion]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes(HTMLAttributes, { class: `suggested-${tag}`, title: `Suggested by ${String(HTMLAttributes['data-author'] ?? 'a reviewer')}` }), 0];
    },
  });
}
export const SuggestedInsertion = suggestionMark('suggestedInsertion', 'ins', 'suggestedDeletion');
export const SuggestedDeletion = suggestionMark('suggestedDeletion', 'del', 'suggestedInsertion');

// The story's form (lib/content/story-forms.ts) is an attribute of the document itself, so it
// travels with the text through saves, revisions, approvals and restores.
export const StoryFormAttribute = Extension.create({
  name: 'storyForm',
  addGlobalAttributes() {
    return [{ types: ['doc'], attributes: { form: { default: DEFAULT_STORY_FORM, rendered: false } } }];
  },
});

export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    codeBlock: false,
    code: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...SAFE_LINK_PROTOCOLS],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  }),
  StoryFormAttribute,
  PullQuote,
  Figure,
  Gallery,
  Audio,
  Video,
  Embed,
  CommentAnchor,
  SuggestedInsertion,
  SuggestedDeletion,
];
