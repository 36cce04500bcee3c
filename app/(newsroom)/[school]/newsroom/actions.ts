'use server';
import { redirect } from 'next/navigation';
import { createDraft } from '@/lib/articles';
import { requireNewsroomActor } from '@/lib/auth/session';
import { updateOwnProfile } from '@/lib/people/profile';

export type FormState = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; message?: string } | null;

export async function startArticle(schoolSlug: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom`);
  const created = await createDraft(actor, {});
  // Every member may start a story and an empty draft has nothing to reject: a failure is a bug.
  if (!created.ok) throw new Error(created.error);
  redirect(`/${schoolSlug}/newsroom/articles/${created.data.id}`);
}

export async function saveProfile(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/profile`);
  const saved = await updateOwnProfile(actor, {
    displayName: String(form.get('displayName') ?? ''),
    classYear: String(form.get('classYear') ?? ''),
    bio: String(form.get('bio') ?? ''),
    contactEmail: String(form.get('contactEmail') ?? ''),
    showContactEmail: form.get('showContactEmail') === 'on',
  });
  return saved.ok ? { ok: true, message: 'Profile saved.' } : { ok: false, error: saved.error, fieldErrors: saved.fieldErrors };
}
