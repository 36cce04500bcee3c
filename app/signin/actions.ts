'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeCallbackPath, signInWithPassword } from '@/lib/auth/password-sign-in';
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from '@/lib/auth/session-cookie';
import type { FormState } from '@/lib/forms';

export async function signInWithPasswordForm(_previous: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '');
  const signedIn = await signInWithPassword({ email, password: form.get('password') });
  // The address comes back so the form, which React resets after every submission, keeps it.
  if (!signedIn.ok) return { ok: false, error: signedIn.error, fieldErrors: signedIn.fieldErrors, values: { email } };
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, signedIn.data.sessionToken, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
  redirect(safeCallbackPath(form.get('callbackUrl')));
}

export async function signOutForm(): Promise<void> {
  const cookie = sessionCookie();
  // Expired with the same flags it was set with: a __Secure- cookie is only replaced by a Secure one.
  (await cookies()).set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  redirect('/signin');
}
