'use server';
import { redirect } from 'next/navigation';
import { acceptInvitation } from '@/lib/people/members';

import type { FormState } from '@/lib/forms';

type AcceptFormState = FormState<{ name?: string }>;

export async function accept(token: string, _previous: AcceptFormState, form: FormData): Promise<AcceptFormState> {
  const name = String(form.get('name') ?? '');
  const accepted = await acceptInvitation({ token, password: String(form.get('password') ?? ''), ...(form.has('name') ? { name } : {}) });
  // The name comes back so the form, which React resets after every submission, keeps it.
  if (!accepted.ok) return { ok: false, error: accepted.error, fieldErrors: accepted.fieldErrors, name };
  redirect(`/signin?${new URLSearchParams({ callbackUrl: `/${accepted.data.schoolSlug}/newsroom`, joined: accepted.data.schoolSlug })}`);
}
