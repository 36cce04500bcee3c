'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { acceptInvitation } from '@/lib/people/members';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';
import { newsroomPath } from '@/lib/routes';

// The name field is only on the form for someone without an account yet.
const AcceptFields = z.object({ password: formField.text, name: z.string().optional() });

export async function accept(token: string, _previous: FormState, form: FormData): Promise<FormState> {
  const fields = readForm(AcceptFields, form);
  const accepted = fields.ok ? await acceptInvitation({ token, ...fields.data }) : fields;
  if (!accepted.ok) return refusedForm(accepted, form);
  redirect(`/signin?${new URLSearchParams({ callbackUrl: newsroomPath(accepted.data.schoolSlug), joined: accepted.data.schoolSlug })}`);
}
