// Comment anchors are newsroom annotations on the working copy. They are not content: readers
// never see them and they do not change what an approval covers.
import type { JSONContent } from '@tiptap/core';
import { Transform } from '@tiptap/pm/transform';
import { articleSchema, type ArticleDoc } from './document.ts';

type Node = JSONContent;

function strip(node: Node, keep: (id: string) => boolean): Node {
  const copy: Node = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((mark) => mark.type !== 'commentAnchor' || keep(String(mark.attrs?.id)));
    if (marks.length > 0) copy.marks = marks;
    else delete copy.marks;
  }
  if (node.content) copy.content = node.content.map((child) => strip(child, keep));
  return copy;
}

/** The document without any comment anchors (or without those `remove` names). */
export function withoutCommentAnchors<T extends Node>(doc: T, remove?: (id: string) => boolean): T {
  const normalized = articleSchema.nodeFromJSON(strip(doc, remove ? (id) => !remove(id) : () => false));
  // Re-read through the schema so adjacent text nodes that differed only by an anchor merge again.
  return normalized.toJSON() as T;
}

export type AnchorResult = { ok: true; doc: ArticleDoc } | { ok: false; error: string };

/** Marks the text between two document positions with a comment's anchor, if it still reads `quoted`. */
export function addCommentAnchor(doc: ArticleDoc, range: { from: number; to: number; quotedText: string }, commentId: string): AnchorResult {
  const node = articleSchema.nodeFromJSON(doc);
  const { from, to } = range;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to > from && to <= node.content.size)) return { ok: false, error: 'Select the words to comment on.' };
  if (node.textBetween(from, to, ' ') !== range.quotedText) return { ok: false, error: 'The text changed since you selected it. Select it again.' };
  const transform = new Transform(node).addMark(from, to, articleSchema.marks.commentAnchor!.create({ id: commentId }));
  return { ok: true, doc: transform.doc.toJSON() as ArticleDoc };
}
