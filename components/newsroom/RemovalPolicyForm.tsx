'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, FormOutcome, TextAreaField } from '@/components/ui';

/** The paper's public policy on requests to correct, anonymize or remove stories. */
export function RemovalPolicyForm({ action, policy, usesDefault }: { action: FormAction; policy: string; usesDefault: boolean }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-4 space-y-3">
      <TextAreaField
        label="Policy readers see before they ask"
        name="policy"
        rows={10}
        state={state}
        saved={policy}
        help={usesDefault ? 'This is Masthead’s suggested text; change it to your paper’s own. Empty brings it back.' : 'Empty brings back Masthead’s suggested text.'}
      />
      <FormOutcome state={state} />
      <Button pending={pending}>Save the policy</Button>
    </form>
  );
}
