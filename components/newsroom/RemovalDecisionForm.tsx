'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { OUTCOME_LABELS } from '@/lib/removals/policy';
import { Button, FormOutcome, Options, SelectField, TextAreaField, TextField } from '@/components/ui';

const OUTCOMES = Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }));

/** The decision on a reader's request. Each outcome uses its own fields (named in their labels);
 * the reasons go with any. */
export function RemovalDecisionForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="space-y-4" aria-label="Decision">
      <SelectField label="Decision" name="outcome" state={state} saved="DECLINED">
        <Options items={OUTCOMES} value={(outcome) => outcome.value} label={(outcome) => outcome.label} />
      </SelectField>
      <TextAreaField label="Correction or editor’s note (what readers will see)" name="note" rows={3} state={state} />
      <TextField
        label="Name to replace (every form the stories use, separated by commas)"
        name="names"
        state={state}
        help="For example “Jane Doe, Doe”. It is replaced in every story of the paper that names her, with the description below."
      />
      <TextField label="Description readers see instead" name="replacement" state={state} help="For example “a sophomore”." />
      <TextAreaField label="Notice at the story’s address (when unpublishing)" name="notice" rows={3} state={state} />
      <TextAreaField label="Reason for the requester (mailed to them)" name="publicReason" rows={3} state={state} />
      <TextAreaField label="Reason for the record (newsroom only)" name="privateReason" rows={3} state={state} />
      <FormOutcome state={state} />
      <Button pending={pending} pendingLabel="Deciding…">
        Decide
      </Button>
    </form>
  );
}
