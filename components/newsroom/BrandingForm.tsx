'use client';
import { useActionState, useState, type FormEvent } from 'react';
import type { FormState } from '@/lib/forms';

export function BrandingForm({
  schoolSlug,
  action,
  branding,
  logoSrc,
}: {
  schoolSlug: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  branding: { newspaperName: string; tagline: string | null; accentColor: string };
  logoSrc: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const field = 'mt-1 block w-full rounded border border-gray-400 px-3 py-2';
  const error = (name: string) =>
    state?.fieldErrors?.[name] && (
      <p role="alert" className="text-sm text-red-800">
        {state.fieldErrors[name]}
      </p>
    );

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
        <label className="block font-medium">
          Newspaper name
          <input name="newspaperName" defaultValue={branding.newspaperName} className={field} />
        </label>
        {error('newspaperName')}
        <label className="block font-medium">
          Tagline
          <input name="tagline" defaultValue={branding.tagline ?? ''} className={field} />
        </label>
        {error('tagline')}
        <label className="block font-medium">
          Accent colour
          <input name="accentColor" type="text" defaultValue={branding.accentColor} className={field} />
        </label>
        {error('accentColor')}
        {state?.ok && (
          <p role="status" className="text-green-800">
            {state.message}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded bg-gray-900 px-5 py-2 font-semibold text-white disabled:opacity-60">
          Save branding
        </button>
      </form>
      <form onSubmit={uploadLogo} className="space-y-3" aria-label="Logo">
        {logoSrc && <img src={logoSrc} alt="Current logo" className="h-16 w-auto" />}
        <label className="block font-medium">
          Logo image
          <input name="file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" required className="mt-1 block" />
        </label>
        {logoError && (
          <p role="alert" className="text-sm text-red-800">
            {logoError}
          </p>
        )}
        <button type="submit" className="rounded border border-gray-900 px-4 py-2 font-semibold">
          Upload logo
        </button>
      </form>
    </div>
  );
}
