'use client';
// What is recorded about one upload in the library: the words that go with it wherever it is used,
// and on what terms the paper may publish it.
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, Options, SelectField, TextField } from '@/components/ui';

interface MediaDetails {
  alt: string;
  caption: string;
  credit: string;
  usageRights: string;
  rightsNote: string;
}

export function MediaDetailsForm({ action, saved, rights }: { action: FormAction; saved: MediaDetails; rights: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-2 space-y-2 text-sm" noValidate>
      <TextField label="Alt text" name="alt" saved={saved.alt} state={state} />
      <TextField label="Caption" name="caption" saved={saved.caption} state={state} />
      <TextField label="Credit" name="credit" saved={saved.credit} state={state} />
      <SelectField label="Usage rights" name="usageRights" saved={saved.usageRights} state={state}>
        <Options items={rights} value={(right) => right.value} label={(right) => right.label} />
      </SelectField>
      <TextField label="Rights note (who gave permission, or which licence)" name="rightsNote" saved={saved.rightsNote} state={state} />
      <FormOutcome state={state} />
      <Button variant="small" pending={pending} pendingLabel="Saving…">
        Save details
      </Button>
    </form>
  );
}
