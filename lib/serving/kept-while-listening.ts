// Rows read from the database and kept in the process between requests (a school, a person's
// membership), trusted only while the production server hears the NOTIFY that every change to
// them sends when it commits (lib/page-cache's listener). While the listener is down, or where
// there is none (`npm run dev`, tests, scripts), every lookup goes to the database.
//
// The production server hears changes on the main thread and renders on another
// (scripts/production-server.ts): the listener tells the renderer's thread of each change
// (`KeptRowsChange`, applied there by lib/serving/apply-kept-rows-change.ts) and waits for it to be
// applied before trusting a page rendered after it.
//
// Kept rows are grouped (a school's slug, a person's id): a change retires its whole group. A
// lookup that was under way when any change arrived is not kept, since it may predate the change.
// The registries live on globalThis because Next's bundle of the app and the server around it load
// this module separately.
/** The channel on which the database NOTIFYs a person's id when their memberships or sessions
 * change (lib/auth/people-cache.ts). Schools are told on lib/page-cache's channel. */
export const PEOPLE_CHANNEL = 'masthead_people';

/** What the listener tells the thread that keeps rows: a school or a person changed, or changes
 * are (no longer) being heard. */
export type KeptRowsChange = { school: string } | { person: string } | { listening: boolean };

interface Registry {
  live: boolean;
  generation: number;
  stores: Map<string, Map<string, Map<string, Promise<unknown>>>>;
}

const registry = ((globalThis as { mastheadKept?: Registry }).mastheadKept ??= { live: false, generation: 0, stores: new Map() });

export class KeptWhileListening {
  private readonly groups: Map<string, Map<string, Promise<unknown>>>;

  /** `maxGroups`: the oldest groups are dropped beyond it. */
  constructor(
    name: string,
    private readonly maxGroups: number,
  ) {
    let groups = registry.stores.get(name);
    if (!groups) registry.stores.set(name, (groups = new Map()));
    this.groups = groups;
  }

  /** The row under (group, key), from the process's copy while it is trusted, else from `load`.
   * Only rows that exist are kept (one created later is found at once). */
  get<T>(group: string, key: string, load: () => Promise<T | null>): Promise<T | null> {
    if (!registry.live) return load();
    const kept = this.groups.get(group)?.get(key) as Promise<T | null> | undefined;
    if (kept) return kept;
    const generation = registry.generation;
    const loading = load();
    let entries = this.groups.get(group);
    if (!entries) this.groups.set(group, (entries = new Map()));
    entries.set(key, loading);
    // A group left empty goes too: lookups of slugs nobody has (a crawler's junk) must not fill the
    // bound and push out the rows that are kept.
    const forget = () => {
      const current = this.groups.get(group);
      if (current?.get(key) !== loading) return;
      current.delete(key);
      if (current.size === 0) this.groups.delete(group);
    };
    loading.then((row) => {
      if (row === null || registry.generation !== generation) forget();
    }, forget);
    while (this.groups.size > this.maxGroups) this.groups.delete(this.groups.keys().next().value!);
    return loading;
  }

  /** A change to the group committed: its next lookups read it afresh. */
  retire(group: string): void {
    registry.generation++;
    this.groups.delete(group);
  }
}

/** Whether changes are being heard; either way, nothing kept so far is trusted any more. */
export function trustKeptRows(live: boolean): void {
  registry.live = live;
  registry.generation++;
  for (const groups of registry.stores.values()) groups.clear();
}
