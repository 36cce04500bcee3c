// Schools as readers' pages see them, kept in the process between requests. A reader page starts
// with its school (and the school's content version keys everything else it reads), so without
// this every uncached page paid a transaction for the school alone.
//
// Kept only while the production server's page cache is listening for the NOTIFY that every
// change to a school sends when it commits (lib/articles/live.ts): that listener retires a
// school here as it retires its pages, and while it is down, or where there is none (`npm run
// dev`, tests, scripts), every lookup goes to the database. The registry lives on globalThis
// because Next's bundle of the app and the server around it load this module separately.
interface SchoolCacheRegistry {
  live: boolean;
  generation: number;
  entries: Map<string, Promise<unknown>>;
}

const registry = ((globalThis as { mastheadSchoolCache?: SchoolCacheRegistry }).mastheadSchoolCache ??= { live: false, generation: 0, entries: new Map() });
const MAX_SCHOOLS = 5000;

/** The school under `slug`, from the process's copy while it is trusted, else from `load`. Only
 * schools that exist are kept (one created later is found at once). */
export function cachedSchool<T>(slug: string, load: () => Promise<T | null>): Promise<T | null> {
  if (!registry.live) return load();
  const kept = registry.entries.get(slug) as Promise<T | null> | undefined;
  if (kept) return kept;
  const generation = registry.generation;
  const loading = load();
  registry.entries.set(slug, loading);
  loading.then(
    // A change that arrived while it loaded may not be in it; a school that is not there is not kept.
    (school) => {
      if (school === null || registry.generation !== generation) forget(slug, loading);
    },
    () => forget(slug, loading),
  );
  while (registry.entries.size > MAX_SCHOOLS) registry.entries.delete(registry.entries.keys().next().value!);
  return loading;
}

function forget(slug: string, entry: Promise<unknown>): void {
  if (registry.entries.get(slug) === entry) registry.entries.delete(slug);
}

/** A change to the school committed: its next lookup reads it afresh. */
export function retireSchool(slug: string): void {
  registry.generation++;
  registry.entries.delete(slug);
}

/** Whether changes are being heard; either way, nothing kept so far is trusted any more. */
export function trustSchoolCache(live: boolean): void {
  registry.live = live;
  registry.generation++;
  registry.entries.clear();
}
