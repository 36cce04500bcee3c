/** Links to the other school years of a list (the staff box, a team's seasons), the shown one marked. */
export function PeriodLinks({ label, periods, current, href, heading }: { label: string; periods: string[]; current: string; href: (period: string) => string; heading?: string }) {
  if (periods.length < 2) return null;
  return (
    <nav aria-label={label} className="mt-8">
      {heading && <h2 className="font-sans text-sm font-bold uppercase tracking-wide">{heading}</h2>}
      <ul className="mt-2 flex flex-wrap gap-4">
        {periods.map((period) => (
          <li key={period}>
            <a className="underline" href={href(period)} aria-current={period === current ? 'page' : undefined}>
              {period}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
