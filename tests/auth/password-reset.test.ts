import { beforeAll, describe, expect, it } from 'vitest';
import { checkCredentials } from '../../lib/auth/credentials.ts';
import { requestPasswordReset, resetPassword } from '../../lib/auth/password-reset.ts';
import { platformDb as db } from '../../lib/db.ts';
import { seedDemo } from '../../prisma/seed.ts';

beforeAll(async () => {
  await seedDemo();
});

async function linkFor(email: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: 'Reset your Masthead password' }, orderBy: { createdAt: 'desc' } });
  return /reset-password\?token=([\w-]+)/.exec(mail.text)![1]!;
}

describe('password reset by e-mail link', () => {
  it('a link changes the password once, signs out everywhere, and only its hash is stored', async () => {
    const email = 'jordan.reyes@canyoncrest.example';
    expect(await requestPasswordReset({ email: 'JORDAN.REYES@canyoncrest.example ' })).toEqual({ ok: true, data: true });
    const token = await linkFor(email);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    const before = await db.user.findUniqueOrThrow({ where: { email } });

    expect(await resetPassword({ token, password: 'short', confirm: 'short' })).toMatchObject({ ok: false, status: 422, fieldErrors: { password: 'Use at least 10 characters.' } });
    expect(await resetPassword({ token, password: 'a long river crossing', confirm: 'a long river crossin' })).toMatchObject({ ok: false, fieldErrors: { confirm: 'The two passwords differ.' } });
    expect(await resetPassword({ token, password: 'a long river crossing', confirm: 'a long river crossing' })).toMatchObject({ ok: true, data: { email } });
    expect(await checkCredentials({ email, password: 'a long river crossing' })).toMatchObject({ ok: true });
    expect(await checkCredentials({ email, password: 'masthead-demo' })).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).sessionsValidAfter.getTime()).toBeGreaterThan(before.sessionsValidAfter.getTime());
    // The same link does not work twice.
    expect(await resetPassword({ token, password: 'another long phrase', confirm: 'another long phrase' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { token: expect.stringMatching(/expired or was already used/) },
    });
  });

  it('an unknown address gets the same answer and no mail; an expired link is refused', async () => {
    const outbox = await db.outboxEmail.count();
    expect(await requestPasswordReset({ email: 'nobody@example.invalid' })).toEqual({ ok: true, data: true });
    expect(await db.outboxEmail.count()).toBe(outbox);
    expect(await requestPasswordReset({ email: 'not an address' })).toMatchObject({ ok: false, status: 422, fieldErrors: { email: 'Enter a valid e-mail address.' } });

    await requestPasswordReset({ email: 'riley@example.invalid' });
    await requestPasswordReset({ email: 'reporter@lincoln.example' });
    const token = await linkFor('reporter@lincoln.example');
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) }, where: { user: { email: 'reporter@lincoln.example' } } });
    expect(await resetPassword({ token, password: 'a long river crossing', confirm: 'a long river crossing' })).toMatchObject({ ok: false, status: 422 });
  });
});
