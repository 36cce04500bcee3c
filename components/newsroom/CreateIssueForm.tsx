'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextField } from '@/components/ui';

export function CreateIssueForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-8 space-y-3" aria-labelledby="new-issue" noValidate>
      <h2 id="new-issue" className="text-lg font-bold">
        Start an issue
      </h2>
      <div className="flex flex-wrap gap-4">
        <TextField label="Volume" name="volume" inputMode="numeric" size="compact" state={state} />
        <TextField label="Number" name="number" inputMode="numeric" size="compact" state={state} />
        <TextField label="Issue date" name="issueDate" type="date" size="compact" state={state} />
        <TextField label="Title (optional)" name="title" size="full" className="flex-1" state={state} />
      </div>
      <FormOutcome state={state} />
      <Button pending={pending}>Create issue</Button>
    </form>
  );
}
