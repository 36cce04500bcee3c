'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { lockedMessage } from '@/lib/auth/sign-in-errors';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(lockedMessage(result?.error) ?? 'That e-mail and password do not match an account.');
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={submit} className="mt-8 space-y-5" noValidate>
      <div>
        <label htmlFor="email" className="block font-medium">
          E-mail
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
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
