'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

export function InviteForm({ action, roles }: { action: (state: FormState, form: FormData) => Promise<FormState>; roles: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const field = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  const error = (name: string) =>
    state?.fieldErrors?.[name] && (
      <p role="alert" className="text-sm text-red-800">
        {state.fieldErrors[name]}
      </p>
    );
  return (
    <form action={formAction} className="space-y-3 rounded border border-gray-300 p-4" aria-label="Invite a member" noValidate>
      <h2 className="font-bold">Invite a member</h2>
      <label className="block font-medium">
        E-mail
        <input name="email" type="email" autoComplete="off" defaultValue={state?.ok ? '' : String(state?.values?.email ?? '')} className={field} />
      </label>
      {error('email')}
      <label className="block font-medium">
        Role
        <select name="role" defaultValue={state?.ok ? 'REPORTER' : String(state?.values?.role ?? 'REPORTER')} className={field}>
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
      </label>
      {error('role')}
      <label className="flex items-center gap-2">
        <input name="sendEmail" type="checkbox" defaultChecked /> Send the invitation by e-mail
      </label>
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <div role="status" className="text-green-800">
          <p>Invitation ready. The link works once, for two weeks:</p>
          <input readOnly aria-label="Invitation link" value={state.message} className={`${field} font-mono text-sm`} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Invite
      </button>
    </form>
  );
}
