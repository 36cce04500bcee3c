'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createDraft } from '@/lib/articles';
import { requireNewsroomActor } from '@/lib/auth/session';
import { updateOwnProfile } from '@/lib/people/profile';
import { assignStory, pitchStory, startAssignedStory } from '@/lib/workflow';
import { updateBranding } from '@/lib/tenants/branding';
import { signOutEverywhere } from '@/lib/auth/sessions';
import { rollOverSchoolYear } from '@/lib/people/rollover';
import { requestDeletion } from '@/lib/people/deletion';
import { updateSchoolSettings } from '@/lib/tenants/settings';
import { submittedValues } from '@/lib/result';

import type { FormState } from '@/lib/forms';

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

export async function pitch(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom`);
  const created = await pitchStory(actor, { title: String(form.get('title') ?? ''), description: String(form.get('description') ?? ''), sectionId: String(form.get('sectionId') ?? '') || null });
  if (!created.ok) return { ok: false, error: created.error, fieldErrors: created.fieldErrors };
  revalidatePath(`/${schoolSlug}/newsroom`);
  return { ok: true, message: 'Pitch added to the budget.' };
}

export async function assign(schoolSlug: string, assignmentId: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom`);
  const assigned = await assignStory(actor, assignmentId, { assigneeId: String(form.get('assigneeId') ?? ''), dueAt: String(form.get('dueAt') ?? '') || undefined });
  if (!assigned.ok) return { ok: false, error: assigned.error, fieldErrors: assigned.fieldErrors };
  revalidatePath(`/${schoolSlug}/newsroom`);
  return { ok: true, message: 'Assigned.' };
}

export async function startAssignment(schoolSlug: string, assignmentId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom`);
  const started = await startAssignedStory(actor, assignmentId);
  if (!started.ok) redirect(`/${schoolSlug}/newsroom?error=${encodeURIComponent(started.error)}`);
  redirect(`/${schoolSlug}/newsroom/articles/${started.data.id}`);
}

export async function saveBranding(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/settings`);
  const saved = await updateBranding(actor, { newspaperName: String(form.get('newspaperName') ?? ''), tagline: String(form.get('tagline') ?? ''), accentColor: String(form.get('accentColor') ?? '') });
  return saved.ok ? { ok: true, message: 'Branding saved.' } : { ok: false, error: saved.error, fieldErrors: saved.fieldErrors };
}

/** Voids every session of this user, on every device, this one included. */
export async function signOutOnEveryDevice(schoolSlug: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/profile`);
  await signOutEverywhere(actor.userId);
  redirect('/signin?signedOut=everywhere');
}

export async function saveSettings(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/settings`);
  const number = (name: string) => (String(form.get(name) ?? '').trim() === '' ? Number.NaN : Number(form.get(name)));
  const checked = form.getAll('checklist').map(String);
  const saved = await updateSchoolSettings(actor, {
    reviewPolicy: String(form.get('reviewPolicy') ?? ''),
    reviewChain: form.getAll('reviewChain').map(String).filter(Boolean),
    studentsMayPublish: form.get('studentsMayPublish') === 'on',
    nameDisplayPolicy: String(form.get('nameDisplayPolicy') ?? ''),
    allowContactEmails: form.get('allowContactEmails') === 'on',
    minimumWords: number('minimumWords'),
    maxHeadlineLength: number('maxHeadlineLength'),
    checklist: {
      headlineLength: checked.includes('headlineLength'),
      minimumWords: checked.includes('minimumWords'),
      byline: checked.includes('byline'),
      imageDetails: checked.includes('imageDetails'),
    },
    signInDomains: String(form.get('signInDomains') ?? '')
      .split(',')
      .map((domain) => domain.trim())
      .filter(Boolean),
  });
  return saved.ok ? { ok: true, message: 'Settings saved.' } : { ok: false, error: saved.error, fieldErrors: saved.fieldErrors, values: submittedValues(form) };
}

export async function closeSchoolYear(schoolSlug: string, form: FormData): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/settings`);
  const rolled = await rollOverSchoolYear(actor, { fromYear: String(form.get('fromYear') ?? '') });
  const query: Record<string, string> = rolled.ok
    ? {
        notice: `${rolled.data.archivedYear} is closed: ${rolled.data.archived} names archived in its staff box, ${rolled.data.graduated} seniors are now alumni. Welcome to ${rolled.data.schoolYear}.`,
      }
    : { error: rolled.error };
  redirect(`/${schoolSlug}/newsroom/settings?${new URLSearchParams(query)}`);
}

export async function askForErasure(schoolSlug: string, form: FormData): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/profile`);
  const asked = await requestDeletion(actor, { reason: String(form.get('reason') ?? '') });
  const query: Record<string, string> = asked.ok ? { notice: 'Your request is with the adviser, who will decide on it.' } : { error: asked.error };
  redirect(`/${schoolSlug}/newsroom/profile?${new URLSearchParams(query)}`);
}
