// Reader data, cached per school until its content changes. Every change readers can see bumps
// schools.contentVersion in the same transaction (lib/articles/live.ts), and the version is read
// with the school on every request anyway, so a cached answer is never stale and no timer or
// cross-process message is needed: a new version is simply a new key.
const MAX_ENTRIES = 5000;
const entries = new Map<string, Promise<unknown>>();

export interface CacheScope {
  id: string;
  contentVersion: number;
}

export function cachedForReaders<T>(school: CacheScope, key: string, load: () => Promise<T>): Promise<T> {
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
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}
