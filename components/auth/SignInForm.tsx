'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextField } from '@/components/ui';

/** Posts to a server action: it works before the page is interactive and with JavaScript off, and
 * the password never appears in an address. */
export function SignInForm({ action, callbackUrl }: { action: FormAction; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} method="post" className="mt-8 space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField label="E-mail" name="email" type="email" autoComplete="email" required state={state} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required state={state} />
      <FormOutcome state={state} />
      <Button pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
