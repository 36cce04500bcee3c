import { beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../../lib/auth/credentials.ts';
import { sessionIsCurrent } from '../../lib/auth/sign-out-everywhere.ts';
import { LOCKOUT_MS, MAX_FAILURES } from '../../lib/auth/throttle.ts';
import { platformDb as db } from '../../lib/db.ts';
import { seedDemo, DEMO_PASSWORD } from '../../prisma/seed.ts';

beforeAll(async () => {
  await seedDemo();
});

describe('sign-in throttling', () => {
  it('five wrong passwords lock the address for fifteen minutes, even against the right password', async () => {
    const email = 'riley@example.invalid';
    const user = { email: 'reporter@lincoln.example', password: 'wrong-password' };
    for (let attempt = 1; attempt < MAX_FAILURES; attempt++) expect(await checkCredentials(user)).toEqual({ ok: false, lockedUntil: null });
    const locking = await checkCredentials(user);
    expect(locking.ok).toBe(false);
    const until = !locking.ok ? locking.lockedUntil : null;
    expect(until!.getTime() - Date.now()).toBeGreaterThan(LOCKOUT_MS - 5_000);
    expect(await checkCredentials({ ...user, password: DEMO_PASSWORD })).toMatchObject({ ok: false, lockedUntil: until });
    // Unknown addresses are throttled the same way, so a lock says nothing about who has an account.
    for (let attempt = 0; attempt < MAX_FAILURES; attempt++) await checkCredentials({ email, password: 'x' });
    expect(await checkCredentials({ email, password: 'x' })).toMatchObject({ ok: false, lockedUntil: expect.any(Date) });
    // When the lock has run out, the right password works and clears the count.
    await db.signInThrottle.update({ where: { email: user.email }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await checkCredentials({ ...user, password: DEMO_PASSWORD })).toMatchObject({ ok: true, user: { email: user.email } });
    expect(await db.signInThrottle.findUnique({ where: { email: user.email } })).toBeNull();
  });

  it('concurrent wrong guesses cannot slip past the limit', async () => {
    const user = { email: 'adviser@lincoln.example', password: 'guess' };
    await Promise.all(Array.from({ length: MAX_FAILURES * 2 }, () => checkCredentials(user)));
    expect(await checkCredentials({ ...user, password: DEMO_PASSWORD })).toMatchObject({ ok: false, lockedUntil: expect.any(Date) });
    await db.signInThrottle.deleteMany({ where: { email: user.email } });
  });
});

describe('sign out everywhere', () => {
  it('a session issued before the reset is void; one issued after it counts', () => {
    const reset = new Date('2026-11-25T10:00:00.500Z');
    expect(sessionIsCurrent(Date.parse('2026-11-25T09:59:59Z') / 1000, reset)).toBe(false);
    expect(sessionIsCurrent(Date.parse('2026-11-25T10:00:01Z') / 1000, reset)).toBe(true);
    expect(sessionIsCurrent(undefined, reset)).toBe(false);
  });
});
