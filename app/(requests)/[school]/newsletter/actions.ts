'use server';
import { z } from 'zod';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';
import { NEWSLETTER_LISTS } from '@/lib/newsletters/lists';
import { confirmSubscription, subscribe, unsubscribe } from '@/lib/newsletters/subscribers';
import { missing } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';

const SubscribeFields = z.object({ email: formField.text, lists: formField.list });
const TokenFields = z.object({ token: formField.text });

export async function signUp(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(SubscribeFields, form);
  const done = !school ? missing('page') : fields.ok ? await subscribe(school, fields.data) : fields;
  if (!done.ok) return refusedForm(done, form);
  return { ok: true, message: `Almost done: we sent a link to ${done.data.email}. Your newsletters start when you follow it.` };
}

export async function confirmSignUp(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(TokenFields, form);
  const done = !school ? missing('page') : fields.ok ? await confirmSubscription(school, fields.data.token) : fields;
  if (!done.ok) return refusedForm(done, form);
  return { ok: true, message: `You are signed up for ${done.data.lists.map((list) => NEWSLETTER_LISTS[list].label.toLowerCase()).join(', ')}. Every message has a link to leave in one click.` };
}

export async function leave(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(TokenFields, form);
  const done = !school ? missing('page') : fields.ok ? await unsubscribe(school, fields.data.token) : fields;
  if (!done.ok) return refusedForm(done, form);
  return { ok: true, message: `${done.data.email} will receive no more newsletters from ${school!.newspaperName}.` };
}
