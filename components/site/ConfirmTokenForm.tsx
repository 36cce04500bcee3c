'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome } from '@/components/ui';

/** The button behind a mailed link (a request, a comment, a subscription): a page that acted on
 * opening would act for every mail scanner that follows links. Works without JavaScript. */
export function ConfirmTokenForm({ action, token, label }: { action: FormAction; token: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <FormOutcome state={state} />;
  return (
    <form action={formAction} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormOutcome state={state} />
      <Button pending={pending}>{label}</Button>
    </form>
  );
}
