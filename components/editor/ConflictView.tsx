'use client';
// Two versions of one article side by side: the reporter's unsaved text and the copy someone else
// saved meanwhile, differences marked. Whichever is kept, both stay in the revision history.
import { DiffSegments as Segments } from '@/components/newsroom/DiffSegments';
import { compareBlocks, compareText } from '@/lib/articles/revision-diff';
import { docToPlainText } from '@/lib/content/document';
import type { DraftFields } from './draft-key';
import type { ServerDraft } from './useAutosave';
import { buttonClass } from '@/components/ui';

export function ConflictView({ mine, theirs, onResolve, busy }: { mine: DraftFields; theirs: ServerDraft; onResolve: (keep: 'mine' | 'theirs') => void; busy: boolean }) {
  // Compared from theirs to mine: what is marked added on the right is what this tab wrote.
  const headline = compareText(theirs.headline, mine.headline);
  const blocks = compareBlocks(docToPlainText(theirs.body), docToPlainText(mine.body));
  const saved = new Date(theirs.updatedAt).toLocaleTimeString();
  return (
    <section aria-labelledby="conflict-title" className="my-6 rounded border-2 border-red-800 bg-red-50 p-4">
      <h2 id="conflict-title" className="text-lg font-bold">
        Someone else saved this article while you were writing
      </h2>
      <p className="mt-1 text-sm">Nothing has been lost. Compare the two versions, then keep one; the other stays in the article’s revision history.</p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div data-testid="conflict-theirs" className="rounded bg-white p-3">
          <h3 className="font-semibold">
            Saved version (version {theirs.version}, {saved})
          </h3>
          <p className="mt-2 font-serif text-lg font-bold">
            <Segments segments={headline.before} />
          </p>
          {blocks.map((row, index) => (
            <p key={index} className="mt-2 whitespace-pre-wrap font-serif">
              <Segments segments={row.before} />
            </p>
          ))}
        </div>
        <div data-testid="conflict-mine" className="rounded bg-white p-3">
          <h3 className="font-semibold">Your version (not saved yet)</h3>
          <p className="mt-2 font-serif text-lg font-bold">
            <Segments segments={headline.after} />
          </p>
          {blocks.map((row, index) => (
            <p key={index} className="mt-2 whitespace-pre-wrap font-serif">
              <Segments segments={row.after} />
            </p>
          ))}
        </div>
      </div>
      <div className="mt-4 flex gap-3">
        <button type="button" disabled={busy} onClick={() => onResolve('mine')} className={buttonClass.primary}>
          Keep my version
        </button>
        <button type="button" disabled={busy} onClick={() => onResolve('theirs')} className={buttonClass.secondary}>
          Use the saved version
        </button>
      </div>
    </section>
  );
}
