// Side-by-side comparison of two revisions: blocks are aligned first, then changed blocks are
// compared word by word, so a moved comma shows as one word, not as a rewritten paragraph.

export type DiffOp<T> = { kind: 'same' | 'removed' | 'added'; item: T };

/** Longest-common-subsequence diff; common prefix and suffix are trimmed first to keep it small. */
export function diffSequences<T>(before: readonly T[], after: readonly T[], equals: (a: T, b: T) => boolean = Object.is): DiffOp<T>[] {
  let start = 0;
  while (start < before.length && start < after.length && equals(before[start]!, after[start]!)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && equals(before[endBefore - 1]!, after[endAfter - 1]!)) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = equals(a[i]!, b[j]!) ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const middle: DiffOp<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (equals(a[i]!, b[j]!)) {
      middle.push({ kind: 'same', item: a[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) middle.push({ kind: 'removed', item: a[i++]! });
    else middle.push({ kind: 'added', item: b[j++]! });
  }
  while (i < a.length) middle.push({ kind: 'removed', item: a[i++]! });
  while (j < b.length) middle.push({ kind: 'added', item: b[j++]! });
  return [...before.slice(0, start).map((item) => ({ kind: 'same' as const, item })), ...middle, ...before.slice(endBefore).map((item) => ({ kind: 'same' as const, item }))];
}

export interface Segment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

export interface ComparedBlock {
  before: Segment[] | null;
  after: Segment[] | null;
  changed: boolean;
}

function words(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function mergeSegments(ops: DiffOp<string>[]): Segment[] {
  const segments: Segment[] = [];
  for (const op of ops) {
    const last = segments[segments.length - 1];
    if (last && last.kind === op.kind) last.text += op.item;
    else segments.push({ kind: op.kind, text: op.item });
  }
  return segments;
}

export function compareText(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const ops = diffSequences(words(before), words(after));
  return { before: mergeSegments(ops.filter((op) => op.kind !== 'added')), after: mergeSegments(ops.filter((op) => op.kind !== 'removed')) };
}

/** Compares two texts made of blocks separated by blank lines (as docToPlainText writes them). */
export function compareBlocks(beforeText: string, afterText: string): ComparedBlock[] {
  const split = (text: string) => (text.trim() ? text.split(/\n{2,}/) : []);
  const ops = diffSequences(split(beforeText), split(afterText));
  const rows: ComparedBlock[] = [];
  for (let index = 0; index < ops.length;) {
    const op = ops[index]!;
    if (op.kind === 'same') {
      rows.push({ before: [{ kind: 'same', text: op.item }], after: [{ kind: 'same', text: op.item }], changed: false });
      index++;
      continue;
    }
    // A run of removed and added blocks: pair them up in order and compare each pair word by word.
    const removed: string[] = [];
    const added: string[] = [];
    while (index < ops.length && ops[index]!.kind !== 'same') {
      const run = ops[index++]!;
      (run.kind === 'removed' ? removed : added).push(run.item);
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const was = removed[k];
      const now = added[k];
      if (was !== undefined && now !== undefined) rows.push({ ...compareText(was, now), changed: true });
      else if (was !== undefined) rows.push({ before: [{ kind: 'removed', text: was }], after: null, changed: true });
      else rows.push({ before: null, after: [{ kind: 'added', text: now! }], changed: true });
    }
  }
  return rows;
}
