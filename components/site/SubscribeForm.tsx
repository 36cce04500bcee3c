'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, FieldError, FormOutcome, TextField } from '@/components/ui';

/** Signing up for a school's newsletters. Works without JavaScript. */
export function SubscribeForm({ action, lists }: { action: FormAction; lists: { value: string; label: string; description: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <TextField label="Your e-mail address" name="email" type="email" autoComplete="email" state={state} help="We write to it once to confirm; nothing else is sent until you do." />
      <fieldset className="space-y-2">
        <legend className="font-medium">What would you like to receive?</legend>
        {lists.map((list) => (
          <CheckboxField
            key={list.value}
            name="lists"
            value={list.value}
            state={state}
            saved={list.value === 'NEW_ISSUE'}
            label={
              <>
                <strong>{list.label}</strong> — {list.description}
              </>
            }
          />
        ))}
        <FieldError state={state} name="lists" />
      </fieldset>
      <FormOutcome state={state} />
      <Button pending={pending}>Sign me up</Button>
    </form>
  );
}
