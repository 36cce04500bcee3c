'use client';
import { useActionState, useState, type FormEvent } from 'react';
import type { FormAction } from '@/lib/forms';
import { Button, ErrorText, FormOutcome, TextField } from '@/components/ui';

export function BrandingForm({
  schoolSlug,
  action,
  branding,
  logoSrc,
}: {
  schoolSlug: string;
  action: FormAction;
  branding: { newspaperName: string; tagline: string | null; accentColor: string };
  logoSrc: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [logoError, setLogoError] = useState<string | null>(null);

  async function uploadLogo(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLogoError(null);
    const response = await fetch(`/api/schools/${schoolSlug}/logo`, { method: 'POST', body: new FormData(event.currentTarget) }).catch(() => null);
    if (response?.ok) return window.location.reload();
    const body = (await response?.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
    setLogoError(body?.fieldErrors?.file ?? body?.error ?? 'The server cannot be reached; try again.');
  }

  return (
    <div className="mt-6 space-y-10">
      <form action={formAction} className="space-y-4" noValidate>
        <TextField label="Newspaper name" name="newspaperName" state={state} saved={branding.newspaperName} />
        <TextField label="Tagline" name="tagline" state={state} saved={branding.tagline} />
        <TextField label="Accent colour" name="accentColor" type="text" state={state} saved={branding.accentColor} />
        <FormOutcome state={state} />
        <Button pending={pending}>Save branding</Button>
      </form>
      <form onSubmit={uploadLogo} className="space-y-3" aria-label="Logo">
        {logoSrc && <img src={logoSrc} alt="Current logo" className="h-16 w-auto" />}
        <label className="block font-medium">
          Logo image
          <input name="file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" required className="mt-1 block" />
        </label>
        {logoError && <ErrorText>{logoError}</ErrorText>}
        <Button variant="secondary">Upload logo</Button>
      </form>
    </div>
  );
}
