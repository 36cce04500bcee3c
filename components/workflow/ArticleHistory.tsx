import type { WorkflowView } from '@/lib/workflow/review';
import { dateFormat } from '@/lib/dates';

export function ArticleHistory({ history }: { history: WorkflowView['history'] }) {
  if (history.length === 0) return <p className="text-sm text-gray-700">Nothing has happened to this article yet.</p>;
  const format = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="space-y-2 text-sm" aria-label="History">
      {history.map((event) => (
        <li key={event.id} className="border-l-2 border-gray-300 pl-3">
          <p>
            <span className="font-semibold">{event.what}</span> — {event.who}
            {event.role && <span className="text-gray-700"> ({event.role})</span>}
          </p>
          <p className="text-gray-700">
            {event.from ? `${event.from} → ` : ''}
            {event.to} · <time dateTime={event.at.toISOString()}>{format.format(event.at)}</time>
          </p>
          {event.comment && <p className="italic">“{event.comment}”</p>}
        </li>
      ))}
    </ol>
  );
}
