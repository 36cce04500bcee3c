// Signing in with e-mail and password from the sign-in form: a server action posts here, so the
// form works before (and without) JavaScript and the password travels only in a POST body.
import 'server-only';
import { fail, ok, parseInput, type Result } from '../result.ts';
import { checkCredentials, SignInInput } from './credentials.ts';
import { issueSessionToken } from './session-cookie.ts';
import { lockedUntilMessage, WRONG_CREDENTIALS_MESSAGE } from './sign-in-errors.ts';

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeCallbackPath(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  return typeof candidate === 'string' && candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.startsWith('/\\') ? candidate : '/newsroom';
}

/** A session token for the account these credentials open, or why not (never which half was wrong). */
export async function signInWithPassword(input: { email: unknown; password: unknown }): Promise<Result<{ sessionToken: string }>> {
  const parsed = parseInput(SignInInput, input);
  if (!parsed.ok) return parsed;
  const checked = await checkCredentials(parsed.data);
  if (checked.ok) return ok({ sessionToken: await issueSessionToken(checked.user) });
  if (checked.lockedUntil) return fail(429, lockedUntilMessage(checked.lockedUntil));
  return fail(401, WRONG_CREDENTIALS_MESSAGE);
}
