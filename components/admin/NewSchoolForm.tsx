'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, ErrorBox, TextField, controlClass } from '@/components/ui';

type NewSchool = { link?: string; slug?: string };

export function NewSchoolForm({ action }: { action: FormAction<NewSchool> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3 rounded border border-gray-300 p-4" aria-label="Add a school" noValidate>
      <h2 className="text-xl font-bold">Add a school</h2>
      <TextField label="Address (masthead.news/…)" name="slug" state={state} />
      <TextField label="School name" name="name" state={state} />
      <TextField label="Newspaper name" name="newspaperName" state={state} />
      <TextField label="Own host name (optional)" name="host" state={state} />
      <TextField label="The adviser’s e-mail" name="adviserEmail" type="email" state={state} />
      {state && !state.ok && !state.fieldErrors && <ErrorBox>{state.error}</ErrorBox>}
      {state?.ok && (
        <div role="status" className="text-green-800">
          <p>/{state.slug} is ready. The adviser’s invitation is mailed; this is its link:</p>
          <input readOnly aria-label="Adviser invitation link" value={state.link} className={`${controlClass.full} font-mono text-sm`} />
        </div>
      )}
      <Button pending={pending}>Add the school</Button>
    </form>
  );
}
