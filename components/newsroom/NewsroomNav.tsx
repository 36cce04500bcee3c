'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { currentNewsroomLink, type NewsroomLink } from '@/lib/newsroom/links';

/** The newsroom's own navigation, on every newsroom page: one row that scrolls sideways on a phone,
 * in reading order for a keyboard, with the current page marked for screen readers. */
export function NewsroomNav({ links }: { links: NewsroomLink[] }) {
  const pathname = usePathname();
  const query = useSearchParams();
  const current = currentNewsroomLink(links, pathname, new URLSearchParams(query.toString()));
  return (
    <nav aria-label="Newsroom" className="border-b border-gray-300 bg-white">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4 sm:px-6">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link === current ? 'page' : undefined}
              className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-[-2px] ${link === current ? 'border-gray-900 font-semibold text-gray-900' : 'border-transparent text-gray-700 hover:border-gray-400 hover:text-gray-900'}`}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
