'use server';
import { z } from 'zod';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';
import { confirmRemovalRequest, submitRemovalRequest } from '@/lib/removals/requests';
import { missing } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';

const RequestFields = z.object({ story: formField.text, kind: formField.text, name: formField.text, email: formField.text, message: formField.text });
const ConfirmFields = z.object({ token: formField.text });

export async function fileRemovalRequest(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(RequestFields, form);
  const filed = !school ? missing('page') : fields.ok ? await submitRemovalRequest(school, fields.data) : fields;
  if (!filed.ok) return refusedForm(filed, form);
  return { ok: true, message: `Almost done: we sent a link to ${filed.data.email}. Your request reaches the editors when you follow it.` };
}

export async function confirmFiledRequest(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(ConfirmFields, form);
  const confirmed = !school ? missing('page') : fields.ok ? await confirmRemovalRequest(school, fields.data.token) : fields;
  if (!confirmed.ok) return refusedForm(confirmed, form);
  const by = confirmed.data.deadline.toLocaleDateString('en-US', { dateStyle: 'long', timeZone: school!.timeZone });
  return { ok: true, message: `Thank you: the editors have your request, and will write to you with their decision by ${by}.` };
}
