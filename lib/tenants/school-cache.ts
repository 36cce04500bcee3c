// Schools as readers' pages see them, kept in the process between requests (lib/serving/
// kept-while-listening.ts). A reader page starts with its school (and the school's content version
// keys everything else it reads), so without this every uncached page paid a transaction for the
// school alone. Every change to a school sends its slug when it commits (lib/articles/live.ts).
import { KeptWhileListening } from '../serving/kept-while-listening.ts';

const schools = new KeptWhileListening('schools', 5000);

/** The school under `slug`, from the process's copy while it is trusted, else from `load`. */
export function cachedSchool<T>(slug: string, load: () => Promise<T | null>): Promise<T | null> {
  return schools.get(slug, '', load);
}

/** A change to the school committed: its next lookup reads it afresh. */
export function retireSchool(slug: string): void {
  schools.retire(slug);
}
