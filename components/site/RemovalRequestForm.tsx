'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { REQUEST_KINDS } from '@/lib/removals/policy';
import { Button, FormOutcome, Options, SelectField, TextAreaField, TextField } from '@/components/ui';

const KINDS = Object.entries(REQUEST_KINDS).map(([value, label]) => ({ value, label }));

/** A reader's request about a story. Works without JavaScript: the form posts, and the answer
 * (or what was refused, with what was typed) comes back as a page. */
export function RemovalRequestForm({ action, story }: { action: FormAction; story: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <TextField label="The story (its address or its last part)" name="story" state={state} saved={story} />
      <SelectField label="What are you asking for?" name="kind" state={state} saved="CORRECTION">
        <Options items={KINDS} value={(kind) => kind.value} label={(kind) => kind.label} />
      </SelectField>
      <TextField label="Your name" name="name" autoComplete="name" state={state} />
      <TextField label="Your e-mail address" name="email" type="email" autoComplete="email" state={state} help="We write to it once to confirm the request, and once with the decision." />
      <TextAreaField label="What is wrong, and why" name="message" rows={6} state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Send the request</Button>
    </form>
  );
}
