import type { ReactNode } from 'react';

export interface RankedItem {
  key: string;
  label: ReactNode;
  value: number;
}

/** A ranked list whose bars show each item's share of the first: read as a list, seen as a chart. */
export function RankedBars({ items, unit, empty }: { items: RankedItem[]; unit: string; empty: string }) {
  if (items.length === 0) return <p className="mt-3 text-gray-800">{empty}</p>;
  const most = Math.max(1, ...items.map((item) => item.value));
  return (
    <ol className="mt-3 space-y-2">
      {items.map((item) => (
        <li key={item.key} className="relative rounded px-3 py-1.5">
          <span aria-hidden className="absolute inset-y-0 left-0 rounded bg-[var(--accent,#9b1c1c)] opacity-15" style={{ width: `${Math.max(2, (item.value / most) * 100)}%` }} />
          <span className="relative flex justify-between gap-4">
            <span className="min-w-0 truncate">{item.label}</span>
            <span className="shrink-0 tabular-nums">
              {item.value.toLocaleString('en-US')} {unit}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
