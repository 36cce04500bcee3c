// Suggestion mode: a reviewer's edits to a story in review are stored as marks in the document —
// an insertion (text they would add) or a deletion (text they would remove), each with an id and
// who suggested it — so they travel with autosave, conflicts and revisions like any other edit.
// The author accepts or rejects each (or all); approval waits until none is open. The editor's
// plugin that turns typing into suggestions is components/editor/suggesting.ts.
import type { JSONContent } from '@tiptap/core';

export const SUGGESTION_MARKS = { insertion: 'suggestedInsertion', deletion: 'suggestedDeletion' } as const;
export type SuggestionKind = keyof typeof SUGGESTION_MARKS;

export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  authorId: string | null;
  authorName: string;
  /** The words suggested for adding or removing. */
  text: string;
}

const KIND_OF_MARK = new Map<string, SuggestionKind>(Object.entries(SUGGESTION_MARKS).map(([kind, mark]) => [mark, kind as SuggestionKind]));

/** The open suggestions of a document, in reading order, each once with all its words. */
export function openSuggestions(doc: JSONContent): Suggestion[] {
  const found = new Map<string, Suggestion>();
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      const kind = KIND_OF_MARK.get(mark.type);
      const id = mark.attrs?.id;
      if (!kind || typeof id !== 'string') continue;
      const existing = found.get(id);
      if (existing) existing.text += node.text ?? '';
      else found.set(id, { id, kind, authorId: (mark.attrs?.authorId as string | null) ?? null, authorName: String(mark.attrs?.authorName ?? ''), text: node.text ?? '' });
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...found.values()];
}

/** Why an action must wait for the author, or null: approval and publishing need every suggestion
 * accepted or rejected first, so what is approved is what was written. */
export function openSuggestionsRefusal(doc: JSONContent): string | null {
  const count = openSuggestions(doc).length;
  if (count === 0) return null;
  return `${count} suggested ${count === 1 ? 'edit is' : 'edits are'} still open; the author accepts or rejects ${count === 1 ? 'it' : 'them'} first.`;
}
