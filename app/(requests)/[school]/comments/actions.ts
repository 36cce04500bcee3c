'use server';
import { z } from 'zod';
import { formField, type FormState } from '@/lib/forms';
import { readerFormAction } from '@/lib/readers/form-action';
import { confirmReaderComment, reportComment, submitReaderComment } from '@/lib/reader-comments/comments';

const CommentFields = z.object({ story: formField.text, name: formField.text, email: formField.text, body: formField.text });
const ConfirmFields = z.object({ token: formField.text });
const ReportFields = z.object({ reason: formField.text });

export async function writeComment(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(schoolSlug, form, CommentFields, submitReaderComment, ({ email }) => `Almost done: we sent a link to ${email}. Your comment reaches the editors when you follow it.`);
}

export async function confirmComment(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(
    schoolSlug,
    form,
    ConfirmFields,
    (school, { token }) => confirmReaderComment(school, token),
    ({ headline }) => `Thank you: your comment on “${headline}” is with the editors, and appears under the story once one of them approves it.`,
  );
}

export async function reportReaderComment(schoolSlug: string, commentId: string, _previous: FormState, form: FormData): Promise<FormState> {
  return readerFormAction(
    schoolSlug,
    form,
    ReportFields,
    (school, input) => reportComment(school, commentId, input),
    () => 'Thank you: the editors will look at it again.',
  );
}
