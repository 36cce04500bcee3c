// Password reset by e-mail link. The link carries a random token; only its hash is stored, it
// works once, for an hour, and using it signs the account out everywhere. Asking for a link says
// the same thing whether or not the address has an account.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db, PLATFORM, transactionFor } from '../db.ts';
import { appUrl, queueMail } from '../notifications/index.ts';
import { fail, ok, parseInput, type Result } from '../result.ts';
import { hashPassword } from './password.ts';
import { retirePeopleOnCommit } from './people-cache.ts';
import { recordSuccess } from './throttle.ts';

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** What is stored of a link's token (reset links, invitations): its hash, never the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const NewPassword = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((password) => new Set(password).size >= 5, 'Use a less repetitive password.')
  .refine((password) => !/^(?:password|masthead|newspaper)/i.test(password), 'That password is too easy to guess.');

export const ResetRequest = z.object({ email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254) });

export const ResetInput = z
  .object({ token: z.string().min(20).max(200), password: NewPassword, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { message: 'The two passwords differ.', path: ['confirm'] });

export async function requestPasswordReset(input: unknown): Promise<Result<true>> {
  const parsed = parseInput(ResetRequest, input);
  if (!parsed.ok) return parsed;
  const user = await db.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, email: true } });
  if (!user) return ok(true);
  const token = randomBytes(32).toString('base64url');
  await transactionFor(PLATFORM, async (tx) => {
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) } });
    await queueMail(tx, {
      to: user.email,
      subject: 'Reset your Masthead password',
      text: `Someone asked to reset the password of this account. If it was you, choose a new one here within an hour:\n\n${appUrl(`/reset-password?token=${token}`)}\n\nIf it was not you, ignore this message; your password stays as it is.`,
    });
  });
  return ok(true);
}

export async function resetPassword(input: unknown): Promise<Result<{ email: string }>> {
  const parsed = parseInput(ResetInput, input);
  if (!parsed.ok) return parsed;
  const passwordHash = await hashPassword(parsed.data.password);
  return transactionFor(PLATFORM, async (tx) => {
    // Claimed in one statement, so a link used twice at once still works only once.
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash: hashToken(parsed.data.token), usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) return fail(422, 'This link has expired or was already used. Ask for a new one.', { token: 'This link has expired or was already used. Ask for a new one.' });
    const { user } = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(parsed.data.token) }, select: { user: { select: { id: true, email: true } } } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionsValidAfter: new Date() } });
    retirePeopleOnCommit(tx, [user.id]);
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    return ok({ email: user.email });
  }).then(async (result) => {
    if (result.ok) await recordSuccess(result.data.email);
    return result;
  });
}
