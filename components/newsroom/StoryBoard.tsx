import Link from 'next/link';
import type { ArticleStatus } from '@/lib/generated/prisma/enums';
import { STATUS_LABELS } from '@/lib/workflow/table';
import { newsroomPath } from '@/lib/routes';
import { dateFormat } from '@/lib/dates';
import { LiveBadge } from '@/components/article/LiveBadge';

interface Card {
  id: string;
  headline: string;
  section: string | null;
  people: string[];
  dueAt: Date | null;
  overdue: boolean;
  edition: string | null;
  forMe: boolean;
  /** Its live coverage is open: reporters at the game post updates from its page. */
  live: boolean;
}

interface Column {
  status: ArticleStatus;
  cards: Card[];
  /** Every story with this status, where the column shows only the most recent. */
  total: number | null;
}

export function StoryBoard({ schoolSlug, columns }: { schoolSlug: string; columns: Column[] }) {
  const date = dateFormat({ month: 'short', day: 'numeric' });
  return (
    <div className="mt-6 grid gap-4 md:grid-cols-3 xl:grid-cols-7">
      {columns.map((column) => (
        <section key={column.status} aria-labelledby={`column-${column.status}`} className="rounded bg-gray-50 p-3">
          <h2 id={`column-${column.status}`} className="text-sm font-semibold uppercase tracking-wide text-gray-700">
            {STATUS_LABELS[column.status]} (
            {column.total !== null && column.total > column.cards.length
              ? `${column.cards.length.toLocaleString('en-US')} most recent of ${column.total.toLocaleString('en-US')}`
              : column.cards.length}
            )
          </h2>
          <ul className="mt-2 space-y-2">
            {column.cards.map((card) => (
              <li key={card.id} className={`rounded border bg-white p-2 text-sm ${card.forMe ? 'border-amber-500' : 'border-gray-200'}`}>
                {card.live && <LiveBadge />}
                <Link className="font-semibold underline" href={newsroomPath(schoolSlug, `articles/${card.id}`)}>
                  {card.headline}
                </Link>
                <p className="text-gray-700">{[card.section, card.people.join(', '), card.edition].filter(Boolean).join(' · ')}</p>
                {card.dueAt && (
                  <p className={card.overdue ? 'font-semibold text-red-800' : 'text-gray-700'}>
                    Due {date.format(card.dueAt)}
                    {card.overdue ? ' (overdue)' : ''}
                  </p>
                )}
                {card.forMe && <p className="text-amber-800">Waiting for you</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
