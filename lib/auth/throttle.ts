// Sign-in throttling: after five wrong passwords in a row for one e-mail address, that address is
// locked for fifteen minutes. Counted per address (not per connection), so spreading guesses over
// many machines does not help; a correct sign-in clears the count.
import { db } from '../db.ts';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** When the address is locked, the moment it opens again. */
export async function lockedUntil(email: string, now = new Date()): Promise<Date | null> {
  const row = await db.signInThrottle.findUnique({ where: { email }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a wrong password; returns the lock's end when this failure locks the address. */
export async function recordFailure(email: string, now = new Date()): Promise<Date | null> {
  // One statement, so concurrent guesses cannot each read "4 failures" and all get through.
  const [row] = await db.$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO sign_in_throttles (email, failures, "lastFailedAt") VALUES (${email}, 1, ${now})
    ON CONFLICT (email) DO UPDATE SET failures = sign_in_throttles.failures + 1, "lastFailedAt" = ${now}
    RETURNING failures, "lockedUntil"`;
  if (!row || row.failures < MAX_FAILURES) return null;
  const until = new Date(now.getTime() + LOCKOUT_MS);
  await db.signInThrottle.update({ where: { email }, data: { failures: 0, lockedUntil: until } });
  return until;
}

export async function recordSuccess(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email } });
}
