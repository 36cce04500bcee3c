'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextField } from '@/components/ui';

export function ForgotPasswordForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-8 space-y-5" noValidate>
      <TextField label="E-mail" name="email" type="email" autoComplete="email" state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Send me a link</Button>
    </form>
  );
}

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="mt-8 space-y-4">
        <FormOutcome state={state} />
        <Link className="underline" href="/signin">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-8 space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" state={state} help="At least 10 characters; a phrase of a few words works well." />
      <TextField label="New password again" name="confirm" type="password" autoComplete="new-password" state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Change password</Button>
    </form>
  );
}
