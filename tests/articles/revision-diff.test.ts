import { describe, expect, it } from 'vitest';
import { compareBlocks, compareText } from '../../lib/articles/revision-diff.ts';

describe('comparing revisions', () => {
  it('marks changed words, not whole paragraphs', () => {
    const { before, after } = compareText('The board voted 4–1 on Tuesday.', 'The board voted 5–0 on Tuesday.');
    expect(before).toEqual([
      { kind: 'same', text: 'The board voted ' },
      { kind: 'removed', text: '4–1' },
      { kind: 'same', text: ' on Tuesday.' },
    ]);
    expect(after.find((segment) => segment.kind === 'added')?.text).toBe('5–0');
  });

  it('aligns unchanged paragraphs and shows added and removed ones on their own side', () => {
    const rows = compareBlocks('Intro.\n\nOld middle.\n\nEnd.', 'Intro.\n\nNew middle here.\n\nAdded paragraph.\n\nEnd.');
    expect(rows.map((row) => row.changed)).toEqual([false, true, true, false]);
    expect(rows[2]).toEqual({ before: null, after: [{ kind: 'added', text: 'Added paragraph.' }], changed: true });
  });
});
