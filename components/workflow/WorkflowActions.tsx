'use client';
// The workflow buttons for one article: only the actions this person may take now (computed on
// the server from the workflow table). Actions that need words or a time open a small form.
import { useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/useHydrated';
import { ACTION_INPUTS, type ActionInput } from '@/lib/workflow/table';
import { ErrorBox, buttonClass, controlClass } from '@/components/ui';

export interface ActionChoice {
  action: string;
  label: string;
  needs: ActionInput | null;
}

export function WorkflowActions({
  schoolSlug,
  articleId,
  actions,
  version,
  getVersion,
  beforeAction,
}: {
  schoolSlug: string;
  articleId: string;
  actions: ActionChoice[];
  version?: number;
  getVersion?: () => number;
  beforeAction?: () => Promise<boolean>;
}) {
  const [open, setOpen] = useState<ActionChoice | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const ready = useHydrated();

  async function take(choice: ActionChoice, extra: Record<string, string> = {}) {
    setPending(true);
    setError(null);
    if (beforeAction && !(await beforeAction())) {
      setPending(false);
      return setError({ message: 'Your latest changes are not saved yet; wait for “Saved” and try again.', fields: {} });
    }
    const payload: Record<string, unknown> = { action: choice.action, expectedVersion: getVersion ? getVersion() : version, ...extra };
    if (typeof payload.scheduledFor === 'string') payload.scheduledFor = new Date(payload.scheduledFor).toISOString();
    const response = await fetch(`/api/schools/${schoolSlug}/articles/${articleId}/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
    setPending(false);
    if (response?.ok) return window.location.reload();
    setError({ message: body?.error ?? 'The server cannot be reached; try again.', fields: body?.fieldErrors ?? {} });
  }

  function submitForm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!open?.needs) return;
    const form = new FormData(event.currentTarget);
    const field = ACTION_INPUTS[open.needs].field;
    void take(open, { [field]: String(form.get(field) ?? '') });
  }

  if (actions.length === 0) return null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((choice) => (
          <button
            key={choice.action}
            type="button"
            disabled={pending || !ready}
            onClick={() => (choice.needs ? setOpen(choice) : void take(choice))}
            className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${choice.action === 'unpublish' || choice.action === 'requestChanges' ? 'border border-gray-900' : 'bg-gray-900 text-white'}`}
          >
            {choice.label}
          </button>
        ))}
      </div>
      {open?.needs && (
        <form onSubmit={submitForm} className="space-y-2 rounded border border-gray-300 p-3" aria-label={open.label}>
          <label className="block text-sm font-medium">
            {ACTION_INPUTS[open.needs].prompt}
            {open.needs === 'time' ? (
              <input name="scheduledFor" type="datetime-local" required className={controlClass.compact} />
            ) : (
              <textarea name={ACTION_INPUTS[open.needs].field} rows={3} className={controlClass.full} />
            )}
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={buttonClass.small}>
              {open.label}
            </button>
            <button type="button" onClick={() => setOpen(null)} className="px-3 py-1.5 text-sm underline">
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <ErrorBox className="text-sm">
          <p>{error.message}</p>
          {Object.values(error.fields).length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(error.fields).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
        </ErrorBox>
      )}
    </div>
  );
}
