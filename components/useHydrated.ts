'use client';
import { useEffect, useState } from 'react';

/** False until the page is interactive: server-rendered buttons are disabled until then rather
 * than swallowing a click that nothing would handle. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
