// The session cookie, in one place: next-auth reads and writes it through `authOptions.cookies`,
// and the sign-in form's server action issues it directly, so a form posted before any JavaScript
// ran (or with none at all) signs in without ever putting the password in a URL.
import 'server-only';
import { encode } from 'next-auth/jwt';
import type { SignedInUser } from './credentials.ts';

/** Fourteen days, as next-auth's own sessions. */
export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

/** Secure (and `__Secure-` prefixed) whenever the site is served over HTTPS, as next-auth decides. */
export function sessionCookie() {
  const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
  return {
    name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}

/** A session token for `user`, in the shape next-auth's credentials sign-in issues. */
export async function issueSessionToken(user: SignedInUser): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set.');
  return encode({ token: { name: user.name, email: user.email, sub: user.id, uid: user.id }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}
