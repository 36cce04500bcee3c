'use client';
import { useActionState } from 'react';
import type { FormState } from '@/lib/forms';

interface Profile {
  displayName: string;
  classYear: string | null;
  bio: string | null;
  contactEmail: string | null;
  showContactEmail: boolean;
}

function FieldError({ state, name }: { state: FormState; name: string }) {
  const message = state?.fieldErrors?.[name];
  return message ? (
    <p id={`${name}-error`} role="alert" className="text-sm text-red-800">
      {message}
    </p>
  ) : null;
}

export function ProfileForm({
  action,
  profile,
  classYears,
  schoolAllowsEmails,
  bioPreview,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  profile: Profile;
  classYears: readonly string[];
  schoolAllowsEmails: boolean;
  bioPreview: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const input = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  return (
    <form action={formAction} className="mt-6 space-y-5" noValidate>
      <label className="block font-medium">
        Name as printed in bylines
        <input name="displayName" defaultValue={profile.displayName} className={input} aria-describedby="displayName-error" />
      </label>
      <FieldError state={state} name="displayName" />
      <label className="block font-medium">
        Class year
        <select name="classYear" defaultValue={profile.classYear ?? ''} className={input}>
          <option value="">Not shown</option>
          {classYears.map((year) => (
            <option key={year}>{year}</option>
          ))}
        </select>
      </label>
      <FieldError state={state} name="classYear" />
      <label className="block font-medium">
        One-line bio
        <textarea name="bio" rows={2} defaultValue={profile.bio ?? ''} className={input} aria-describedby="bio-help" />
      </label>
      <p id="bio-help" className="text-sm text-gray-700">
        Left empty, your byline reads: {bioPreview ?? '(no bio until you choose a class year)'}
      </p>
      <FieldError state={state} name="bio" />
      <label className="block font-medium">
        Contact e-mail
        <input name="contactEmail" type="email" defaultValue={profile.contactEmail ?? ''} className={input} />
      </label>
      <FieldError state={state} name="contactEmail" />
      <label className="flex items-center gap-2">
        <input name="showContactEmail" type="checkbox" defaultChecked={profile.showContactEmail} />
        Show my contact e-mail under my articles
      </label>
      {!schoolAllowsEmails && <p className="text-sm text-gray-700">Your school does not show contact e-mails, so it stays hidden whatever you choose.</p>}
      {state?.error && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-800">
          {state.error}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-green-800">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}
