import { z } from 'zod';
import { db } from '../db.ts';
import { decoyPasswordHash, verifyPassword } from './password.ts';

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The user whose e-mail and password these are, or null. Never says which of the two was wrong. */
export async function verifyCredentials(input: unknown): Promise<SignedInUser | null> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}
