'use client';
// "From the library": find a photo the paper already has (by caption, credit, alt text, file name or
// uploader) and use it again, with what the library says about it. The editor places it in the
// story; the featured-image panel makes it the story's photo.
import { useState, type FormEvent } from 'react';
import type { LibraryItem } from '@/lib/media/library';
import { ErrorText, buttonClass, controlClass } from '@/components/ui';

export function MediaLibraryPicker({ schoolSlug, label, onPick }: { schoolSlug: string; label: string; onPick: (item: LibraryItem) => void }) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setSearching(true);
    setError(null);
    try {
      const response = await fetch(`/api/schools/${schoolSlug}/media?${new URLSearchParams({ q: query, kind: 'image' })}`);
      const body = (await response.json()) as { items?: LibraryItem[]; error?: string };
      if (!response.ok) setError(body.error ?? `The library could not be searched (${response.status}).`);
      else setItems(body.items ?? []);
    } catch {
      setError('The server cannot be reached; try again.');
    }
    setSearching(false);
  };

  return (
    <details className="mt-2 text-sm" onToggle={(event) => event.currentTarget.open && items === null && void search()}>
      <summary className="cursor-pointer font-semibold">{label}</summary>
      <div role="search" className="mt-2 flex gap-2">
        <input
          type="search"
          aria-label="Search the library"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && void search(event)}
          className={controlClass.inline}
        />
        <button type="button" className={buttonClass.smallSecondary} onClick={() => void search()} disabled={searching}>
          Search
        </button>
      </div>
      {error && <ErrorText>{error}</ErrorText>}
      {items !== null && (
        <>
          <p role="status" className="mt-2 text-gray-700">
            {searching ? 'Searching…' : items.length === 0 ? 'No photos match.' : `${items.length} photo${items.length === 1 ? '' : 's'}`}
          </p>
          <ul className="mt-2 grid max-h-80 grid-cols-2 gap-2 overflow-y-auto sm:grid-cols-4" aria-label="Photos in the library">
            {items.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => onPick(item)} className="block w-full rounded border border-gray-300 p-1 text-left hover:border-gray-900">
                  <img src={item.src} alt="" loading="lazy" className="aspect-[3/2] w-full object-cover" />
                  <span className="mt-1 block truncate">Use {item.caption || item.originalFilename}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
