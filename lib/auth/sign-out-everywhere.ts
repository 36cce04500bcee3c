// "Sign out everywhere": sessions are signed tokens held by browsers, so they cannot be deleted;
// instead each user has a moment before which every session is void.
import { db } from '../db.ts';
import { retirePerson } from './people-cache.ts';

/** Token times are whole seconds: a session issued in the second of the reset still counts as after it. */
export function sessionIsCurrent(issuedAtSeconds: number | undefined, validAfter: Date): boolean {
  return typeof issuedAtSeconds === 'number' && issuedAtSeconds >= Math.floor(validAfter.getTime() / 1000);
}

export async function signOutEverywhere(userId: string, now = new Date()): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionsValidAfter: now } });
  // This process forgets the account at once; others when the database's NOTIFY reaches them.
  retirePerson(userId);
}
