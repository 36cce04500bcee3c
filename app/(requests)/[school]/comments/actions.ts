'use server';
import { z } from 'zod';
import { formField, readForm, refusedForm, type FormState } from '@/lib/forms';
import { confirmReaderComment, reportComment, submitReaderComment } from '@/lib/reader-comments/comments';
import { missing } from '@/lib/result';
import { getSchoolBySlug } from '@/lib/tenants';

const CommentFields = z.object({ story: formField.text, name: formField.text, email: formField.text, body: formField.text });
const ConfirmFields = z.object({ token: formField.text });
const ReportFields = z.object({ reason: formField.text });

export async function writeComment(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(CommentFields, form);
  const filed = !school ? missing('page') : fields.ok ? await submitReaderComment(school, fields.data) : fields;
  if (!filed.ok) return refusedForm(filed, form);
  return { ok: true, message: `Almost done: we sent a link to ${filed.data.email}. Your comment reaches the editors when you follow it.` };
}

export async function confirmComment(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(ConfirmFields, form);
  const confirmed = !school ? missing('page') : fields.ok ? await confirmReaderComment(school, fields.data.token) : fields;
  if (!confirmed.ok) return refusedForm(confirmed, form);
  return { ok: true, message: `Thank you: your comment on “${confirmed.data.headline}” is with the editors, and appears under the story once one of them approves it.` };
}

export async function reportReaderComment(schoolSlug: string, commentId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const school = await getSchoolBySlug(schoolSlug);
  const fields = readForm(ReportFields, form);
  const reported = !school ? missing('page') : fields.ok ? await reportComment(school, commentId, fields.data) : fields;
  if (!reported.ok) return refusedForm(reported, form);
  return { ok: true, message: 'Thank you: the editors will look at it again.' };
}
