// Article bodies are stored as Tiptap (ProseMirror) JSON. Every body that reaches the database is
// checked against the shared schema first, so nothing outside our node and mark list is stored.
import { getSchema, type JSONContent } from '@tiptap/core';
import { articleExtensions, isSafeHref } from './extensions.ts';
import { audioClip } from './audio.ts';
import { galleryPhotos } from './gallery.ts';
import { videoClip } from './video.ts';
import { videoEmbed } from './embed.ts';
import { isStoryForm, STORY_FORMS, withStoredForm } from './story-forms.ts';

export type ArticleDoc = JSONContent & { type: 'doc' };

export const articleSchema = getSchema(articleExtensions);

export function emptyDoc(): ArticleDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export type DocCheck = { ok: true; doc: ArticleDoc } | { ok: false; error: string };

export function checkArticleDoc(input: unknown): DocCheck {
  if (!input || typeof input !== 'object' || (input as { type?: unknown }).type !== 'doc') {
    return { ok: false, error: 'The body must be a document.' };
  }
  try {
    const node = articleSchema.nodeFromJSON(input);
    node.check();
    let unsafeLink: string | null = null;
    node.descendants((child) => {
      for (const mark of child.marks) {
        if (mark.type.name === 'link' && !isSafeHref(mark.attrs.href)) unsafeLink = String(mark.attrs.href);
      }
    });
    if (unsafeLink !== null) return { ok: false, error: `Links must use http, https, mailto or tel (not "${String(unsafeLink).slice(0, 40)}").` };
    if (!isStoryForm(node.attrs.form))
      return {
        ok: false,
        error: `A story's form is one of: ${Object.values(STORY_FORMS)
          .map((form) => form.label)
          .join(', ')}.`,
      };
    return { ok: true, doc: withStoredForm(node.toJSON() as ArticleDoc) };
  } catch (error) {
    return { ok: false, error: `The body does not fit the article format: ${(error as Error).message}` };
  }
}

const INLINE_TYPES = new Set(['text', 'hardBreak']);

/** The body as plain text, one block a paragraph: for search and feeds (with photo captions and
 * credits, audio titles and transcripts, video titles) and for word counts (without them: a
 * story's length is its text). */
export function docToPlainText(doc: JSONContent, options: { captions?: boolean } = {}): string {
  const blocks: string[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'figure' || node.type === 'gallery') {
      const photos = node.type === 'gallery' ? galleryPhotos(node.attrs?.photos) : [node.attrs ?? {}];
      for (const photo of photos) {
        const text = [photo.caption, photo.credit].filter(Boolean).join(' ');
        if (text && options.captions !== false) blocks.push(text);
      }
      return;
    }
    if (node.type === 'audio' || node.type === 'video' || node.type === 'embed') {
      const clip = node.type === 'audio' ? audioClip(node.attrs) : node.type === 'video' ? videoClip(node.attrs) : videoEmbed(node.attrs);
      const text = clip ? [clip.title, 'transcript' in clip ? clip.transcript : ''].filter(Boolean).join('\n\n') : '';
      if (text && options.captions !== false) blocks.push(text);
      return;
    }
    const children = node.content ?? [];
    if (children.length > 0 && children.every((child) => INLINE_TYPES.has(child.type ?? ''))) {
      blocks.push(children.map((child) => (child.type === 'text' ? (child.text ?? '') : '\n')).join(''));
      return;
    }
    children.forEach(visit);
  };
  visit(doc);
  return blocks.join('\n\n');
}

/** The attributes of every node of a type in the body, in document order. */
export function nodesOfType(node: JSONContent, type: string, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (node.type === type) found.push(node.attrs ?? {});
  node.content?.forEach((child) => nodesOfType(child, type, found));
  return found;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes to read, at a 230-words-a-minute adult reading pace, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
