'use server';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';

import type { FormState } from '@/lib/forms';

type ResetFormState = FormState;

export async function askForResetLink(_previous: ResetFormState, form: FormData): Promise<ResetFormState> {
  const result = await requestPasswordReset({ email: String(form.get('email') ?? '') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  return { ok: true, message: 'If an account uses that address, a link to choose a new password is on its way. It works for one hour.' };
}

export async function chooseNewPassword(_previous: ResetFormState, form: FormData): Promise<ResetFormState> {
  const result = await resetPassword({ token: String(form.get('token') ?? ''), password: String(form.get('password') ?? ''), confirm: String(form.get('confirm') ?? '') });
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
  return { ok: true, message: 'Your password is changed, and every device was signed out. Sign in with the new password.' };
}
