'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextAreaField, TextField } from '@/components/ui';

/** A reader's comment on a story. Works without JavaScript: the form posts, and the answer (or what
 * was refused, with what was typed) comes back as a page. */
export function ReaderCommentForm({ action, story, nameRule, maxLength }: { action: FormAction; story: string; nameRule: string; maxLength: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <input type="hidden" name="story" value={story} />
      <TextField label="Your name, as readers will see it" name="name" autoComplete="name" state={state} help={nameRule} />
      <TextField label="Your e-mail address" name="email" type="email" autoComplete="email" state={state} help="Never shown. We write to it once, to confirm the comment is yours." />
      <TextAreaField label="Your comment" name="body" rows={6} maxLength={maxLength} state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Send my comment</Button>
    </form>
  );
}

/** Reporting an approved comment to the editors. */
export function ReportCommentForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <TextAreaField label="What is wrong with it? (optional)" name="reason" rows={3} state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Report it to the editors</Button>
    </form>
  );
}
