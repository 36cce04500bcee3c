'use client';
import { useActionState } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, CheckboxField, FieldError, FormOutcome, Options, SelectField, TextAreaField, TextField } from '@/components/ui';

interface Choice {
  value: string;
  label: string;
}

/** Composing a newsletter: which list, what goes in it (an issue, the week, chosen stories), when. */
export function NewsletterComposeForm({ action, lists, editions, stories }: { action: FormAction; lists: Choice[]; editions: Choice[]; stories: Choice[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate>
      <SelectField label="Send to" name="list" state={state} saved="NEW_ISSUE">
        <Options items={lists} value={(list) => list.value} label={(list) => list.label} />
      </SelectField>
      <TextField label="Subject" name="subject" state={state} maxLength={150} />
      <TextAreaField label="A few words from the editors (optional)" name="intro" rows={3} state={state} />
      <SelectField label="The issue (for “Each new issue”)" name="editionId" state={state} saved={editions[0]?.value ?? ''}>
        <option value="">—</option>
        <Options items={editions} value={(edition) => edition.value} label={(edition) => edition.label} />
      </SelectField>
      <fieldset>
        <legend className="font-medium">The stories (for “Breaking news”)</legend>
        <div className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded border border-gray-300 p-2">
          {stories.map((story) => (
            <CheckboxField key={story.value} name="articleIds" value={story.value} state={state} label={story.label} />
          ))}
        </div>
        <FieldError state={state} name="articleIds" />
      </fieldset>
      <p className="text-sm text-gray-700">The weekly digest carries every story published in the last seven days.</p>
      <TextField label="Send at (the school’s time; empty sends now)" name="sendAt" type="datetime-local" size="compact" state={state} />
      <FormOutcome state={state} />
      <Button pending={pending}>Send the newsletter</Button>
    </form>
  );
}
