'use server';
import { z } from 'zod';
import { formField, type FormState } from '@/lib/forms';
import { readerFormAction } from '@/lib/readers/form-action';
import { confirmRemovalRequest, submitRemovalRequest } from '@/lib/removals/requests';
import { dateFormat } from '@/lib/dates';

const RequestFields = z.object({ story: formField.text, kind: formField.text, name: formField.text, email: formField.text, message: formField.text });
const ConfirmFields = z.object({ token: formField.text });

export async function fileRemovalRequest(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(schoolSlug, form, RequestFields, submitRemovalRequest, ({ email }) => `Almost done: we sent a link to ${email}. Your request reaches the editors when you follow it.`);
}

export async function confirmFiledRequest(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(
    schoolSlug,
    form,
    ConfirmFields,
    (school, { token }) => confirmRemovalRequest(school, token),
    ({ deadline }, school) =>
      `Thank you: the editors have your request, and will write to you with their decision by ${dateFormat({ dateStyle: 'long', timeZone: school.timeZone }).format(deadline)}.`,
  );
}
