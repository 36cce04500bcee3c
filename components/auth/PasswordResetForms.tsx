'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import type { FormAction, FormState } from '@/lib/forms';

type Action = FormAction;
const field = 'mt-1 w-full rounded border border-gray-400 px-3 py-2';

function Messages({ state }: { state: FormState }) {
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
        {state.message}
      </p>
    );
  const fields = Object.values(state.fieldErrors ?? {});
  return (
    <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-800">
      {fields.length ? fields.join(' ') : state.error}
    </p>
  );
}

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-8 space-y-5" noValidate>
      <label className="block font-medium">
        E-mail
        <input name="email" type="email" autoComplete="email" className={field} />
      </label>
      <Messages state={state} />
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Send me a link
      </button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="mt-8 space-y-4">
        <Messages state={state} />
        <Link className="underline" href="/signin">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-8 space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <label className="block font-medium">
        New password
        <input name="password" type="password" autoComplete="new-password" className={field} aria-describedby="password-rules" />
      </label>
      <p id="password-rules" className="text-sm text-gray-700">
        At least 10 characters; a phrase of a few words works well.
      </p>
      <label className="block font-medium">
        New password again
        <input name="confirm" type="password" autoComplete="new-password" className={field} />
      </label>
      <Messages state={state} />
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        Change password
      </button>
    </form>
  );
}
