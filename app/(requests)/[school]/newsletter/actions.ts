'use server';
import { z } from 'zod';
import { formField, type FormState } from '@/lib/forms';
import { NEWSLETTER_LISTS } from '@/lib/newsletters/lists';
import { confirmSubscription, subscribe, unsubscribe } from '@/lib/newsletters/subscribers';
import { readerFormAction } from '@/lib/readers/form-action';

const SubscribeFields = z.object({ email: formField.text, lists: formField.list });
const TokenFields = z.object({ token: formField.text });

export async function signUp(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(schoolSlug, form, SubscribeFields, subscribe, ({ email }) => `Almost done: we sent a link to ${email}. Your newsletters start when you follow it.`);
}

export async function confirmSignUp(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(
    schoolSlug,
    form,
    TokenFields,
    (school, { token }) => confirmSubscription(school, token),
    ({ lists }) => `You are signed up for ${lists.map((list) => NEWSLETTER_LISTS[list].label.toLowerCase()).join(', ')}. Every message has a link to leave in one click.`,
  );
}

export async function leave(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(
    schoolSlug,
    form,
    TokenFields,
    (school, { token }) => unsubscribe(school, token),
    ({ email }, school) => `${email} will receive no more newsletters from ${school.newspaperName}.`,
  );
}
