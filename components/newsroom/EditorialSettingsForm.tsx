'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

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
  action: (state: FormState, form: FormData) => Promise<FormState>;
  settings: EditorialSettings;
  chainSteps: { value: string; label: string }[];
  checklistItems: { value: string; label: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // After a refusal the form shows what was submitted, not what is saved.
  const typed = state?.values;
  const list = (name: string) => (typed ? ([] as string[]).concat(typed[name] ?? []) : null);
  const current: EditorialSettings = typed
    ? {
        reviewPolicy: String(typed.reviewPolicy ?? ''),
        reviewChain: list('reviewChain')!,
        studentsMayPublish: typed.studentsMayPublish === 'on',
        nameDisplayPolicy: String(typed.nameDisplayPolicy ?? ''),
        allowContactEmails: typed.allowContactEmails === 'on',
        minimumWords: typed.minimumWords as unknown as number,
        maxHeadlineLength: typed.maxHeadlineLength as unknown as number,
        checklist: Object.fromEntries(Object.keys(settings.checklist).map((key) => [key, list('checklist')!.includes(key)])),
        signInDomains: String(typed.signInDomains ?? '').split(','),
      }
    : settings;
  const field = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  const error = (name: string) =>
    state?.fieldErrors?.[name] && (
      <p role="alert" className="text-sm text-red-800">
        {state.fieldErrors[name]}
      </p>
    );
  return (
    <form action={formAction} className="space-y-5" aria-label="Editorial settings" noValidate>
      <fieldset>
        <legend className="font-medium">Who approves stories before they are published</legend>
        <label className="mt-1 flex gap-2">
          <input type="radio" name="reviewPolicy" value="ADVISER_APPROVAL" defaultChecked={current.reviewPolicy === 'ADVISER_APPROVAL'} /> The adviser approves every story (prior review)
        </label>
        <label className="flex gap-2">
          <input type="radio" name="reviewPolicy" value="STUDENT_EDITORS_DECIDE" defaultChecked={current.reviewPolicy === 'STUDENT_EDITORS_DECIDE'} /> Student editors decide; the adviser is informed
        </label>
      </fieldset>
      {error('reviewPolicy')}
      <fieldset>
        <legend className="font-medium">Review steps, in order (leave empty for one approval)</legend>
        {[0, 1, 2, 3].map((index) => (
          <label key={index} className="mt-1 block">
            <span className="sr-only">Step {index + 1}</span>
            <select name="reviewChain" defaultValue={current.reviewChain[index] ?? ''} className={field}>
              <option value="">—</option>
              {chainSteps.map((step) => (
                <option key={step.value} value={step.value}>
                  {step.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      {error('reviewChain')}
      <label className="flex gap-2">
        <input type="checkbox" name="studentsMayPublish" defaultChecked={current.studentsMayPublish} /> Student editors may publish approved stories
      </label>
      <fieldset>
        <legend className="font-medium">How students’ names appear to readers</legend>
        <label className="mt-1 flex gap-2">
          <input type="radio" name="nameDisplayPolicy" value="FULL_NAME" defaultChecked={current.nameDisplayPolicy === 'FULL_NAME'} /> Full name
        </label>
        <label className="flex gap-2">
          <input type="radio" name="nameDisplayPolicy" value="FIRST_NAME_LAST_INITIAL" defaultChecked={current.nameDisplayPolicy === 'FIRST_NAME_LAST_INITIAL'} /> First name and last initial
        </label>
      </fieldset>
      {error('nameDisplayPolicy')}
      <label className="flex gap-2">
        <input type="checkbox" name="allowContactEmails" defaultChecked={current.allowContactEmails} /> Members may show a contact e-mail on their bylines (each still chooses)
      </label>
      <label className="block font-medium">
        Minimum words before a story can be submitted
        <input name="minimumWords" inputMode="numeric" defaultValue={current.minimumWords} className={field} />
      </label>
      {error('minimumWords')}
      <label className="block font-medium">
        Longest headline, in characters
        <input name="maxHeadlineLength" inputMode="numeric" defaultValue={current.maxHeadlineLength} className={field} />
      </label>
      {error('maxHeadlineLength')}
      <fieldset>
        <legend className="font-medium">The submit checklist</legend>
        {checklistItems.map((item) => (
          <label key={item.value} className="mt-1 flex gap-2">
            <input type="checkbox" name="checklist" value={item.value} defaultChecked={current.checklist[item.value]} /> {item.label}
          </label>
        ))}
      </fieldset>
      <label className="block font-medium">
        Domains whose Google or Microsoft accounts may sign in (members only)
        <input name="signInDomains" defaultValue={current.signInDomains.join(', ')} placeholder="school.edu" className={field} />
      </label>
      {error('signInDomains')}
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="text-red-800">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-green-800">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
