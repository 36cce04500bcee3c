// Who a person is in each school (their membership: role, status, section, name) and since when
// their sessions hold (users."sessionsValidAfter"), kept in the process between requests (lib/
// serving/kept-while-listening.ts): every newsroom request and every autosave asked the database
// both, five statements of a save's sixteen. The database itself NOTIFYs a person's id when a change
// to their memberships or sessions commits (a trigger, prisma/migrations/*_people_changes_notify),
// so no code path can change a role, end a membership or sign someone out everywhere unheard.
// The NOTIFY reaches this process a moment after the commit; the code paths that change people
// also retire them here as soon as they commit, so the one who made the change never meets the
// old row on their next request (retirePeopleOnCommit).
import { afterCommit, type Prisma } from '../db.ts';
import { KeptWhileListening } from '../serving/kept-while-listening.ts';

const SESSIONS = 'sessions';

const people = new KeptWhileListening('people', 20_000);

/** The person's membership in the school, kept while changes are heard. */
export function cachedMembership<T>(userId: string, schoolId: string, load: () => Promise<T | null>): Promise<T | null> {
  return people.get(userId, schoolId, load);
}

/** The person's account as a session check needs it (that it exists, since when sessions hold). */
export function cachedSessionHolder<T>(userId: string, load: () => Promise<T | null>): Promise<T | null> {
  return people.get(userId, SESSIONS, load);
}

/** A change to the person's memberships or sessions committed. */
export function retirePerson(userId: string): void {
  people.retire(userId);
}

/** Retires these people in this process once the transaction that changes them commits. */
export function retirePeopleOnCommit(tx: Prisma.TransactionClient, userIds: readonly string[]): void {
  afterCommit(tx, () => userIds.forEach(retirePerson));
}
