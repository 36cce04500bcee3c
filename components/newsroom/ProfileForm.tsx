'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, FormOutcome, SelectField, TextAreaField, TextField } from '@/components/ui';

interface Profile {
  displayName: string;
  classYear: string | null;
  bio: string | null;
  contactEmail: string | null;
  showContactEmail: boolean;
}

export function ProfileForm({
  action,
  profile,
  classYears,
  schoolAllowsEmails,
  bioPreview,
}: {
  action: FormAction;
  profile: Profile;
  classYears: readonly string[];
  schoolAllowsEmails: boolean;
  bioPreview: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <TextField label="Name as printed in bylines" name="displayName" state={state} saved={profile.displayName} />
      <SelectField label="Class year" name="classYear" state={state} saved={profile.classYear}>
        <option value="">Not shown</option>
        {classYears.map((year) => (
          <option key={year}>{year}</option>
        ))}
      </SelectField>
      <TextAreaField label="One-line bio" name="bio" rows={2} state={state} saved={profile.bio} help={`Left empty, your byline reads: ${bioPreview ?? '(no bio until you choose a class year)'}`} />
      <TextField label="Contact e-mail" name="contactEmail" type="email" state={state} saved={profile.contactEmail} />
      <CheckboxField label="Show my contact e-mail under my articles" name="showContactEmail" state={state} saved={profile.showContactEmail} />
      {!schoolAllowsEmails && <p className="text-sm text-gray-700">Your school does not show contact e-mails, so it stays hidden whatever you choose.</p>}
      <FormOutcome state={state} />
      <Button pending={pending} pendingLabel="Saving…">
        Save profile
      </Button>
    </form>
  );
}
