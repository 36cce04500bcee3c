'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, FormOutcome, Options, SelectField } from '@/components/ui';

/** Turning readers' comments on for the paper, and how commenters must sign. */
export function CommentSettingsForm({ action, enabled, namePolicy, policies }: { action: FormAction; enabled: boolean; namePolicy: string; policies: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-4 space-y-4">
      <CheckboxField label="Readers may comment on stories (every comment waits for an editor)" name="commentsEnabled" state={state} saved={enabled} />
      <SelectField label="Commenters sign with" name="commenterNamePolicy" state={state} saved={namePolicy}>
        <Options items={policies} value={(policy) => policy.value} label={(policy) => policy.label} />
      </SelectField>
      <FormOutcome state={state} />
      <Button pending={pending}>Save comment settings</Button>
    </form>
  );
}
