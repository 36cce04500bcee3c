'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';

/** Posts to a server action: it works before the page is interactive and with JavaScript off, and
 * the password never appears in an address. */
export function SignInForm({ action, callbackUrl }: { action: FormAction; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (Object.values(state.fieldErrors ?? {})[0] ?? state.error) : null;
  return (
    <form action={formAction} method="post" className="mt-8 space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block font-medium">
          E-mail
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={String(state?.values?.email ?? '')} className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
