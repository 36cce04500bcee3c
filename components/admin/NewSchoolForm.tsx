'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

type NewSchoolState = FormState<{ link?: string; slug?: string }>;

export function NewSchoolForm({ action }: { action: (state: NewSchoolState, form: FormData) => Promise<NewSchoolState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const field = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  const input = (name: string, label: string, type = 'text') => (
    <>
      <label className="block font-medium">
        {label}
        <input name={name} type={type} className={field} />
      </label>
      {state?.fieldErrors?.[name] && (
        <p role="alert" className="text-sm text-red-800">
          {state.fieldErrors[name]}
        </p>
      )}
    </>
  );
  return (
    <form action={formAction} className="space-y-3 rounded border border-gray-300 p-4" aria-label="Add a school" noValidate>
      <h2 className="text-xl font-bold">Add a school</h2>
      {input('slug', 'Address (masthead.news/…)')}
      {input('name', 'School name')}
      {input('newspaperName', 'Newspaper name')}
      {input('host', 'Own host name (optional)')}
      {input('adviserEmail', 'The adviser’s e-mail', 'email')}
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="text-red-800">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div role="status" className="text-green-800">
          <p>/{state.slug} is ready. The adviser’s invitation is mailed; this is its link:</p>
          <input readOnly aria-label="Adviser invitation link" value={state.link} className={`${field} font-mono text-sm`} />
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Add the school
      </button>
    </form>
  );
}
