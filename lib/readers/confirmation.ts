// Readers have no accounts: what they ask for by e-mail (a request, a comment, a subscription) waits until they
// follow a link mailed to that address, so nobody can act in another person's name. The link
// carries a random token; only its hash is stored, as for password resets.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { hashToken } from '../auth/password-reset.ts';

export { hashToken };

export function newReaderToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** A token as it arrives from a link: anything else is answered like an unknown token. */
export function isPlausibleToken(token: string): boolean {
  return token.length > 0 && token.length <= 200;
}

export const ReaderEmail = z.string().trim().toLowerCase().email('Enter an e-mail address we can write to.').max(254, 'That address is too long.');
