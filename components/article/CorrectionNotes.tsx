// Corrections are printed with the story, dated, as the record of what the paper got wrong.
import { dateFormat } from '@/lib/dates';
export function CorrectionNotes({ corrections, timeZone }: { corrections: { id: string; note: string; createdAt: Date }[]; timeZone: string }) {
  if (corrections.length === 0) return null;
  const format = dateFormat({ dateStyle: 'long', timeZone });
  return (
    <section aria-label="Corrections" className="mt-10 border-l-4 border-gray-900 bg-gray-50 p-4">
      <h2 className="font-sans text-sm font-bold uppercase tracking-wide">Correction{corrections.length > 1 ? 's' : ''}</h2>
      {corrections.map((correction) => (
        <p key={correction.id} className="mt-2">
          <time dateTime={correction.createdAt.toISOString()} className="font-semibold">
            {format.format(correction.createdAt)}:
          </time>{' '}
          {correction.note}
        </p>
      ))}
    </section>
  );
}
