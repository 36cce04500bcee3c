import { z } from 'zod';
import { db } from '../db.ts';
import { decoyPasswordHash, verifyPassword } from './password.ts';
import { lockedUntil, recordFailure, recordSuccess } from './throttle.ts';

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export type CredentialCheck = { ok: true; user: SignedInUser } | { ok: false; lockedUntil: Date | null };

/** The user whose e-mail and password these are. Never says which of the two was wrong; says when
 * the address is locked after too many failures (whether or not it has an account). */
export async function checkCredentials(input: unknown): Promise<CredentialCheck> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, lockedUntil: null };
  const { email, password } = parsed.data;
  const locked = await lockedUntil(email);
  if (locked) return { ok: false, lockedUntil: locked };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash || !valid) return { ok: false, lockedUntil: await recordFailure(email) };
  await recordSuccess(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

export async function verifyCredentials(input: unknown): Promise<SignedInUser | null> {
  const checked = await checkCredentials(input);
  return checked.ok ? checked.user : null;
}
