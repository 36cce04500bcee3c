// Reader data, cached per school until its content changes. Every change readers can see bumps
// schools.contentVersion in the same transaction (lib/articles/live.ts), and the version is read
// with the school on every request anyway, so a cached answer is never stale and no timer or
// cross-process message is needed: a new version is simply a new key.

export interface CacheScope {
  id: string;
  contentVersion: number;
}

export type ReaderCache = <T>(school: CacheScope, key: string, load: () => Promise<T>) => Promise<T>;

/** A cache of reader data keeping at most maxEntries answers, the least recently used leaving
 * first. Each kind of data whose keys readers choose freely (search questions) has its own, so a
 * stream of different questions cannot push out the pages' data. */
export function readerCacheOf(maxEntries: number): ReaderCache {
  const entries = new Map<string, Promise<unknown>>();
  return <T>(school: CacheScope, key: string, load: () => Promise<T>): Promise<T> => {
    const cacheKey = `${school.id}:${school.contentVersion}:${key}`;
    const hit = entries.get(cacheKey);
    if (hit) {
      // Refresh its place: the map's order is least recently used first.
      entries.delete(cacheKey);
      entries.set(cacheKey, hit);
      return hit as Promise<T>;
    }
    const pending = load();
    entries.set(cacheKey, pending);
    // A failed load is not kept.
    pending.catch(() => entries.delete(cacheKey));
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return pending;
  };
}

/** The pages' data: sections, lists, stories, staff. */
export const cachedForReaders: ReaderCache = readerCacheOf(5000);
