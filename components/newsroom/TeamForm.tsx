'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextField } from '@/components/ui';

/** A new team on the sports desk: its name as the paper prints it, and its sport. */
export function TeamForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="new-team" noValidate>
      <h2 id="new-team" className="text-lg font-bold">
        Add a team
      </h2>
      <div className="flex flex-wrap gap-4">
        <TextField label="Team" name="name" size="compact" placeholder="Varsity Football" state={state} />
        <TextField label="Sport" name="sport" size="compact" placeholder="Football" state={state} />
      </div>
      <FormOutcome state={state} />
      <Button variant="small" pending={pending}>
        Add team
      </Button>
    </form>
  );
}
