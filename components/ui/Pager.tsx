/** "Newer · Page 2 of 9 · Older" under a long list; nothing when the list fits on one page. Plain
 * links: reader pages carry no client components (tests/reader/no-client-code.test.ts). */
export function Pager({ page, pages, href, newer, older }: { page: number; pages: number; href: (page: number) => string; newer: string; older: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex justify-between">
      {page > 1 ? (
        <a className="underline" href={href(page - 1)}>
          {newer}
        </a>
      ) : (
        <span />
      )}
      <span className="text-gray-700">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <a className="underline" href={href(page + 1)}>
          {older}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
