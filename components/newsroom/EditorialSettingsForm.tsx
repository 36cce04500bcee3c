'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, FieldError, FormOutcome, Options, TextField, controlClass } from '@/components/ui';

export interface EditorialSettings {
  reviewPolicy: string;
  reviewChain: string[];
  studentsMayPublish: boolean;
  nameDisplayPolicy: string;
  allowContactEmails: boolean;
  minimumWords: number;
  maxHeadlineLength: number;
  checklist: Record<string, boolean>;
  signInDomains: string[];
}

export function EditorialSettingsForm({
  action,
  settings,
  chainSteps,
  checklistItems,
}: {
  action: FormAction;
  settings: EditorialSettings;
  chainSteps: { value: string; label: string }[];
  checklistItems: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // After a refusal the form shows what was submitted, not what is saved (the fields of components/ui
  // do this themselves; the radio groups and the chain of selects here read it the same way).
  const typed = state && !state.ok ? state.values : undefined;
  const reviewPolicy = typed ? String(typed.reviewPolicy ?? '') : settings.reviewPolicy;
  const nameDisplayPolicy = typed ? String(typed.nameDisplayPolicy ?? '') : settings.nameDisplayPolicy;
  const reviewChain = typed ? ([] as string[]).concat(typed.reviewChain ?? []) : settings.reviewChain;
  return (
    <form action={formAction} className="space-y-5" aria-label="Editorial settings" noValidate>
      <fieldset>
        <legend className="font-medium">Who approves stories before they are published</legend>
        <label className="mt-1 flex gap-2">
          <input type="radio" name="reviewPolicy" value="ADVISER_APPROVAL" defaultChecked={reviewPolicy === 'ADVISER_APPROVAL'} /> The adviser approves every story (prior review)
        </label>
        <label className="flex gap-2">
          <input type="radio" name="reviewPolicy" value="STUDENT_EDITORS_DECIDE" defaultChecked={reviewPolicy === 'STUDENT_EDITORS_DECIDE'} /> Student editors decide; the adviser is informed
        </label>
      </fieldset>
      <FieldError state={state} name="reviewPolicy" />
      <fieldset>
        <legend className="font-medium">Review steps, in order (leave empty for one approval)</legend>
        {[0, 1, 2, 3].map((index) => (
          <label key={index} className="mt-1 block">
            <span className="sr-only">Step {index + 1}</span>
            <select name="reviewChain" defaultValue={reviewChain[index] ?? ''} className={controlClass.full}>
              <Options items={chainSteps} value={(step) => step.value} label={(step) => step.label} first={{ value: '', label: '—' }} />
            </select>
          </label>
        ))}
      </fieldset>
      <FieldError state={state} name="reviewChain" />
      <CheckboxField label="Student editors may publish approved stories" name="studentsMayPublish" state={state} saved={settings.studentsMayPublish} />
      <fieldset>
        <legend className="font-medium">How students’ names appear to readers</legend>
        <label className="mt-1 flex gap-2">
          <input type="radio" name="nameDisplayPolicy" value="FULL_NAME" defaultChecked={nameDisplayPolicy === 'FULL_NAME'} /> Full name
        </label>
        <label className="flex gap-2">
          <input type="radio" name="nameDisplayPolicy" value="FIRST_NAME_LAST_INITIAL" defaultChecked={nameDisplayPolicy === 'FIRST_NAME_LAST_INITIAL'} /> First name and last initial
        </label>
      </fieldset>
      <FieldError state={state} name="nameDisplayPolicy" />
      <CheckboxField label="Members may show a contact e-mail on their bylines (each still chooses)" name="allowContactEmails" state={state} saved={settings.allowContactEmails} />
      <TextField label="Minimum words before a story can be submitted" name="minimumWords" inputMode="numeric" state={state} saved={settings.minimumWords} />
      <TextField label="Longest headline, in characters" name="maxHeadlineLength" inputMode="numeric" state={state} saved={settings.maxHeadlineLength} />
      <fieldset>
        <legend className="font-medium">The submit checklist</legend>
        {checklistItems.map((item) => (
          <CheckboxField key={item.value} label={item.label} name="checklist" value={item.value} state={state} saved={settings.checklist[item.value] ?? false} />
        ))}
      </fieldset>
      <TextField label="Domains whose Google or Microsoft accounts may sign in (members only)" name="signInDomains" placeholder="school.edu" state={state} saved={settings.signInDomains.join(', ')} />
      <FormOutcome state={state} />
      <Button pending={pending}>Save settings</Button>
    </form>
  );
}
