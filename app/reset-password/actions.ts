'use server';
import { z } from 'zod';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';

const AskFields = z.object({ email: formField.text });
const ResetFields = z.object({ token: formField.text, password: formField.text, confirm: formField.text });

export async function askForResetLink(_previous: FormState, form: FormData): Promise<FormState> {
  const fields = readForm(AskFields, form);
  const result = fields.ok ? await requestPasswordReset(fields.data) : fields;
  if (!result.ok) return refusedForm(result, form);
  return { ok: true, message: 'If an account uses that address, a link to choose a new password is on its way. It works for one hour.' };
}

export async function chooseNewPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const fields = readForm(ResetFields, form);
  const result = fields.ok ? await resetPassword(fields.data) : fields;
  if (!result.ok) return refusedForm(result, form);
  return { ok: true, message: 'Your password is changed, and every device was signed out. Sign in with the new password.' };
}
