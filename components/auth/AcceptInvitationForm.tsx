'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, ErrorBox, TextField } from '@/components/ui';

export function AcceptInvitationForm({ action, hasAccount }: { action: FormAction; hasAccount: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      {hasAccount ? <p>You already have a Masthead account. Enter its password to join.</p> : <TextField label="Your name, as bylines should show it" name="name" autoComplete="name" state={state} />}
      <TextField
        label={hasAccount ? 'Password' : 'Choose a password (at least 10 characters)'}
        name="password"
        type="password"
        autoComplete={hasAccount ? 'current-password' : 'new-password'}
        state={state}
      />
      {state && !state.ok && !state.fieldErrors && <ErrorBox>{state.error}</ErrorBox>}
      <Button pending={pending}>Join the newsroom</Button>
    </form>
  );
}
