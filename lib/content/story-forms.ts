// The forms a story may take on its page: chosen in the editor, kept on the story's document (so
// it is saved, revised, approved and restored with the text), and read by the reader page only to
// lay the story out. The text is the same in every form; feeds, search and newsletters ignore it.
import type { JSONContent } from '@tiptap/core';

export const STORY_FORMS = {
  standard: { label: 'Standard', description: 'Text with its photos in the column.' },
  'long-form': { label: 'Long-form', description: 'A feature: photos run the full width of the screen and the text opens with a drop cap.' },
  'side-by-side': { label: 'Side by side (pro/con)', description: 'Each part under a subhead stands in its own column, side by side on wide screens.' },
  'photo-essay': { label: 'Photo essay', description: 'The photos lead, each the full width of the screen, with short text between them.' },
  brief: { label: 'Brief', description: 'A few lines: a smaller headline, with the photo beside the text.' },
} as const;

export type StoryForm = keyof typeof STORY_FORMS;

/** The forms whose photos leave the column for the screen's full width (app/globals.css lays them out). */
export const FULL_BLEED_FORMS: ReadonlySet<StoryForm> = new Set(['long-form', 'photo-essay']);
export const DEFAULT_STORY_FORM: StoryForm = 'standard';

export function isStoryForm(value: unknown): value is StoryForm {
  return typeof value === 'string' && Object.hasOwn(STORY_FORMS, value);
}

/** The story's form, from its document; a document without one is a standard story. */
export function storyFormOf(doc: unknown): StoryForm {
  const form = (doc as { attrs?: { form?: unknown } } | null)?.attrs?.form;
  return isStoryForm(form) ? form : DEFAULT_STORY_FORM;
}

/** The document as stored: a standard story carries no form, as stories did before forms existed,
 * so its hash (and approval) and the editor's fingerprint of a save are what they were. */
export function withStoredForm<T extends { attrs?: Record<string, unknown> }>(doc: T): T {
  if (storyFormOf(doc) !== DEFAULT_STORY_FORM || doc.attrs === undefined) return doc;
  const { attrs: _attrs, ...rest } = doc;
  return rest as T;
}

/** A side-by-side story in its parts: what comes before the first subhead, then each subhead with
 * what follows it up to the next (the pro, the con). */
export function partsAtSubheads(doc: JSONContent): { intro: JSONContent[]; parts: JSONContent[][] } {
  const intro: JSONContent[] = [];
  const parts: JSONContent[][] = [];
  for (const block of doc.content ?? []) {
    if (block.type === 'heading' && block.attrs?.level === 2) parts.push([block]);
    else (parts.at(-1) ?? intro).push(block);
  }
  return { intro, parts };
}
