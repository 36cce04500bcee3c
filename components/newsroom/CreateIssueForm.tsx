'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

export function CreateIssueForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const field = 'mt-1 block rounded border border-gray-400 px-2 py-1';
  return (
    <form action={formAction} className="mt-8 space-y-3" aria-labelledby="new-issue">
      <h2 id="new-issue" className="text-lg font-bold">
        Start an issue
      </h2>
      <div className="flex flex-wrap gap-4">
        <label>
          Volume
          <input name="volume" inputMode="numeric" className={field} />
        </label>
        <label>
          Number
          <input name="number" inputMode="numeric" className={field} />
        </label>
        <label>
          Issue date
          <input name="issueDate" type="date" className={field} />
        </label>
        <label className="flex-1">
          Title (optional)
          <input name="title" className={`${field} w-full`} />
        </label>
      </div>
      {state && !state.ok && (
        <div role="alert" className="text-sm text-red-800">
          {Object.values(state.fieldErrors ?? {}).length ? Object.values(state.fieldErrors ?? {}).join(' ') : state.error}
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Create issue
      </button>
    </form>
  );
}
