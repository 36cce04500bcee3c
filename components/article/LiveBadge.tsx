/** "Live" before the headline of a story whose coverage is open: on its page, and wherever it is listed. */
export function LiveBadge() {
  return (
    <>
      <span className="inline-block rounded bg-[var(--accent)] px-2 py-0.5 align-middle font-sans text-xs font-bold uppercase tracking-wide text-white">Live</span>{' '}
    </>
  );
}
