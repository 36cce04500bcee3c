'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, ErrorBox, Options, SelectField, TextField, controlClass } from '@/components/ui';

export function InviteForm({ action, roles }: { action: FormAction; roles: { value: string; label: string }[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3 rounded border border-gray-300 p-4" aria-label="Invite a member" noValidate>
      <h2 className="font-bold">Invite a member</h2>
      <TextField label="E-mail" name="email" type="email" autoComplete="off" state={state} saved="" />
      <SelectField label="Role" name="role" state={state} saved="REPORTER">
        <Options items={roles} value={(role) => role.value} label={(role) => role.label} />
      </SelectField>
      <CheckboxField label="Send the invitation by e-mail" name="sendEmail" state={state} saved />
      {state && !state.ok && !state.fieldErrors && <ErrorBox>{state.error}</ErrorBox>}
      {state?.ok && (
        <div role="status" className="text-green-800">
          <p>Invitation ready. The link works once, for two weeks:</p>
          <input readOnly aria-label="Invitation link" value={state.message} className={`${controlClass.full} font-mono text-sm`} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
      <Button pending={pending}>Invite</Button>
    </form>
  );
}
