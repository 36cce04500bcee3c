// Long lists (a section's stories, a paper's issues) are read a page at a time. One rule for what
// "?page=" may say: a whole number from 1 to MAX_PAGE, anything else is the first page.
const MAX_PAGE = 1000;

/** The page a `?page=` value asks for. */
export function pageNumber(raw: unknown): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(parsed) ? Math.max(1, Math.min(MAX_PAGE, parsed)) : 1;
}

/** How many pages `total` items make at `size` a page (at least one, so an empty list has a page). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
