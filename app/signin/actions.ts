'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { safeCallbackPath, signInWithPassword } from '@/lib/auth/password-sign-in';
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from '@/lib/auth/session-cookie';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';

const SignInFields = z.object({ email: formField.text, password: formField.text, callbackUrl: formField.text });

export async function signInWithPasswordForm(_previous: FormState, form: FormData): Promise<FormState> {
  const fields = readForm(SignInFields, form);
  const signedIn = fields.ok ? await signInWithPassword(fields.data) : fields;
  // The address comes back (never the password), so the form, which React resets, keeps it.
  if (!signedIn.ok) return refusedForm(signedIn, form);
  const cookie = sessionCookie();
  (await cookies()).set(cookie.name, signedIn.data.sessionToken, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
  redirect(safeCallbackPath(fields.ok ? fields.data.callbackUrl : ''));
}

export async function signOutForm(): Promise<void> {
  const cookie = sessionCookie();
  // Expired with the same flags it was set with: a __Secure- cookie is only replaced by a Secure one.
  (await cookies()).set(cookie.name, '', { ...cookie.options, maxAge: 0 });
  redirect('/signin');
}
