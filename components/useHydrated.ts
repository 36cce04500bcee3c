'use client';
import { useSyncExternalStore } from 'react';

const neverChanges = () => () => {};

/** False in the server's HTML and during hydration, true once the page is interactive: for the few
 * controls that only work with script (a provider's sign-in popup), which stay disabled until then
 * rather than swallow a click. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
