import type { ComparedBlock, Segment } from '@/lib/articles/revision-diff';
import { DiffSegments } from './DiffSegments';

type Pair = { before: Segment[]; after: Segment[] };

export function RevisionComparison({ fromLabel, toLabel, headline, deck, blocks }: { fromLabel: string; toLabel: string; headline: Pair; deck: Pair; blocks: ComparedBlock[] }) {
  return (
    <section aria-label="Comparison" className="mt-8 grid gap-6 md:grid-cols-2">
      {(['before', 'after'] as const).map((side) => (
        <div key={side} data-testid={`comparison-${side}`} className="rounded border border-gray-300 p-4">
          <h2 className="font-semibold">{side === 'before' ? fromLabel : toLabel}</h2>
          <p className="mt-3 font-serif text-xl font-bold">
            <DiffSegments segments={headline[side]} />
          </p>
          <p className="mt-1 text-gray-700">
            <DiffSegments segments={deck[side]} />
          </p>
          {blocks.map((row, index) => (
            <p key={index} className={`mt-3 whitespace-pre-wrap font-serif ${row[side] ? '' : 'min-h-4'}`}>
              <DiffSegments segments={row[side]} />
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
