// Suggestion mode in the editor (see lib/content/suggestions.ts). While a reviewer suggests, what
// they type is marked as a suggested insertion and what they delete stays, marked as a suggested
// deletion; deleting their own suggested words removes them outright. Typing or deleting next to
// their own suggestion extends it, so a sentence is one suggestion, not one per keystroke. Block
// changes (new paragraphs, formatting, pasting structure) wait for direct editing: the toolbar is
// hidden and Enter does nothing. The author's accept and reject commands are here too.
import { Extension } from '@tiptap/core';
import type { Mark as PMMark, MarkType, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { SUGGESTION_MARKS } from '@/lib/content/suggestions';

export interface Suggester {
  id: string;
  name: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestions: {
      acceptSuggestion: (id: string) => ReturnType;
      rejectSuggestion: (id: string) => ReturnType;
      acceptAllSuggestions: () => ReturnType;
      rejectAllSuggestions: () => ReturnType;
    };
  }
}

const newId = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Every stretch of text carrying a suggestion mark with this id (or any, for null), last first. */
function rangesOf(doc: PMNode, type: MarkType, id: string | null): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const mark = node.marks.find((candidate) => candidate.type === type && (id === null || candidate.attrs.id === id));
    if (mark) ranges.push({ from: pos, to: pos + node.nodeSize });
  });
  return ranges.reverse();
}

/** Keeps the marked words and drops the mark, or drops the words: accepting an insertion keeps
 * them, accepting a deletion drops them; rejecting does the opposite. */
function settle(state: EditorState, tr: Transaction, id: string | null, accept: boolean): boolean {
  const { insertion, deletion } = { insertion: state.schema.marks[SUGGESTION_MARKS.insertion]!, deletion: state.schema.marks[SUGGESTION_MARKS.deletion]! };
  const keep = accept ? insertion : deletion;
  const drop = accept ? deletion : insertion;
  const kept = rangesOf(tr.doc, keep, id);
  for (const range of kept) tr.removeMark(range.from, range.to, keep);
  const dropped = rangesOf(tr.doc, drop, id);
  for (const range of dropped) tr.delete(range.from, range.to);
  return kept.length + dropped.length > 0;
}

function suggestionAt(marks: readonly PMMark[], type: MarkType, suggester: Suggester): string | null {
  const mark = marks.find((candidate) => candidate.type === type && candidate.attrs.authorId === suggester.id);
  return mark ? String(mark.attrs.id) : null;
}

/** Marks [from, to) as suggested for deletion (own suggested insertions inside it are removed);
 * returns where the cursor goes for a backward delete. */
function suggestDeletion(tr: Transaction, from: number, to: number, suggester: Suggester): number {
  const schema = tr.doc.type.schema;
  const insertion = schema.marks[SUGGESTION_MARKS.insertion]!;
  const deletion = schema.marks[SUGGESTION_MARKS.deletion]!;
  const before = tr.doc.resolve(from).nodeBefore;
  const after = tr.doc.resolve(to).nodeAfter;
  const id = (before && suggestionAt(before.marks, deletion, suggester)) ?? (after && suggestionAt(after.marks, deletion, suggester)) ?? newId();
  const pieces: { from: number; to: number; own: boolean; deleted: boolean }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    pieces.push({ from: start, to: end, own: suggestionAt(node.marks, insertion, suggester) !== null, deleted: node.marks.some((mark) => mark.type === deletion) });
  });
  let cursor = from;
  for (const piece of pieces.reverse()) {
    if (piece.own) tr.delete(piece.from, piece.to);
    else if (!piece.deleted) tr.addMark(piece.from, piece.to, deletion.create({ id, authorId: suggester.id, authorName: suggester.name }));
    cursor = piece.from;
  }
  return cursor;
}

/** Inserts `text` at `at` as a suggested insertion, extending the suggester's own one beside it. */
function suggestInsertion(state: EditorState, tr: Transaction, at: number, text: string, suggester: Suggester): number {
  const insertion = state.schema.marks[SUGGESTION_MARKS.insertion]!;
  const deletion = state.schema.marks[SUGGESTION_MARKS.deletion]!;
  const $at = tr.doc.resolve(at);
  const around = [$at.nodeBefore, $at.nodeAfter].flatMap((node) => (node ? [node] : []));
  const id = around.map((node) => suggestionAt(node.marks, insertion, suggester)).find(Boolean) ?? newId();
  // The surrounding formatting (bold, a link) carries on; another suggestion's marks do not.
  const marks = (tr.storedMarks ?? $at.marks()).filter((mark) => mark.type !== insertion && mark.type !== deletion && mark.type.name !== 'commentAnchor');
  tr.insert(at, state.schema.text(text, [...marks, insertion.create({ id, authorId: suggester.id, authorName: suggester.name })]));
  return at + text.length;
}

/** Where the caret is now. A key pressed right after the caret moved (End, an arrow, a click) can
 * arrive before ProseMirror has read the move from the page, so the page's own selection decides. */
function caret(view: EditorView): { from: number; to: number } {
  const dom = (view.root as Document).getSelection?.() ?? null;
  if (dom?.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
  }
  return { from: view.state.selection.from, to: view.state.selection.to };
}

/** Text typed over [from, to): the selection is marked for deletion, and the words go after it. */
function typeSuggestion(view: EditorView, from: number, to: number, text: string, suggester: Suggester): void {
  const tr = view.state.tr;
  if (from < to) suggestDeletion(tr, from, to, suggester);
  const end = suggestInsertion(view.state, tr, tr.mapping.map(to), text, suggester);
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView());
}

export const Suggesting = Extension.create<{ suggester: Suggester | null }>({
  name: 'suggestions',
  addOptions() {
    return { suggester: null };
  },
  addCommands() {
    return {
      acceptSuggestion:
        (id) =>
        ({ state, tr }) =>
          settle(state, tr, id, true),
      rejectSuggestion:
        (id) =>
        ({ state, tr }) =>
          settle(state, tr, id, false),
      acceptAllSuggestions:
        () =>
        ({ state, tr }) =>
          settle(state, tr, null, true),
      rejectAllSuggestions:
        () =>
        ({ state, tr }) =>
          settle(state, tr, null, false),
    };
  },
  addProseMirrorPlugins() {
    const suggester = this.options.suggester;
    if (!suggester) return [];
    return [
      new Plugin({
        key: new PluginKey('suggesting'),
        props: {
          // Typed text is taken before the browser puts it in the page (beforeinput), so a fast
          // typist never races the page's own change; text that arrives otherwise (composition,
          // autocorrect) comes through handleTextInput.
          handleTextInput(view, from, to, text) {
            typeSuggestion(view, from, to, text, suggester);
            return true;
          },
          handleKeyDown(view, event) {
            if (event.key === 'Enter') return true;
            if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
            const { from, to } = caret(view);
            const empty = from === to;
            const $from = view.state.doc.resolve(from);
            let start = from;
            let end = to;
            if (empty) {
              // Within the paragraph only: joining blocks is not a suggestion.
              if (event.key === 'Backspace') {
                if ($from.parentOffset === 0) return true;
                start = from - 1;
              } else {
                if ($from.parentOffset === $from.parent.content.size) return true;
                end = to + 1;
              }
            }
            const tr = view.state.tr;
            const cursor = suggestDeletion(tr, start, end, suggester);
            const at = event.key === 'Backspace' || !empty ? tr.mapping.map(cursor, -1) : tr.mapping.map(end);
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, at)).scrollIntoView());
            return true;
          },
          handlePaste(view, _event, slice) {
            const text = slice.content.textBetween(0, slice.content.size, ' ');
            const { from, to } = view.state.selection;
            const tr = view.state.tr;
            if (from < to) suggestDeletion(tr, from, to, suggester);
            const end = suggestInsertion(view.state, tr, tr.mapping.map(to), text, suggester);
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, end)).scrollIntoView());
            return true;
          },
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: (view, event) => {
              const input = event as InputEvent;
              if (input.inputType !== 'insertText' || !input.data) return false;
              event.preventDefault();
              const { from, to } = caret(view);
              typeSuggestion(view, from, to, input.data, suggester);
              return true;
            },
            cut: (_view, event) => {
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
