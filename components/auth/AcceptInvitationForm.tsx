'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

type AcceptFormState = FormState<{ name?: string }>;

export function AcceptInvitationForm({ action, hasAccount }: { action: (state: AcceptFormState, form: FormData) => Promise<AcceptFormState>; hasAccount: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  const field = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  const error = (name: string) =>
    state?.fieldErrors?.[name] && (
      <p role="alert" className="text-sm text-red-800">
        {state.fieldErrors[name]}
      </p>
    );
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {hasAccount ? (
        <p>You already have a Masthead account. Enter its password to join.</p>
      ) : (
        <>
          <label className="block font-medium">
            Your name, as bylines should show it
            <input name="name" autoComplete="name" defaultValue={state?.name ?? ''} className={field} />
          </label>
          {error('name')}
        </>
      )}
      <label className="block font-medium">
        {hasAccount ? 'Password' : 'Choose a password (at least 10 characters)'}
        <input name="password" type="password" autoComplete={hasAccount ? 'current-password' : 'new-password'} className={field} />
      </label>
      {error('password')}
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="text-red-800">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Join the newsroom
      </button>
    </form>
  );
}
