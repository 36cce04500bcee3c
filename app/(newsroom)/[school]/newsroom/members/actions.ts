'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireNewsroomActor } from '@/lib/auth/session';
import { decideDeletion } from '@/lib/people/deletion';
import { changeRole, deactivateMember, inviteMember, reactivateMember, revokeInvitation } from '@/lib/people/members';
import type { Result } from '@/lib/result';
import { submittedValues } from '@/lib/result';
import type { FormState } from '@/lib/forms';

const membersPath = (schoolSlug: string) => `/${schoolSlug}/newsroom/members`;

export async function invite(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  const invited = await inviteMember(actor, { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? ''), sendEmail: form.get('sendEmail') === 'on' });
  if (!invited.ok) return { ok: false, error: invited.error, fieldErrors: invited.fieldErrors, values: submittedValues(form) };
  revalidatePath(membersPath(schoolSlug));
  return { ok: true, message: invited.data.link };
}

// The buttons of the member list: each acts, then shows the list again with what happened.
async function afterward(schoolSlug: string, result: Result<unknown>, done: string): Promise<never> {
  revalidatePath(membersPath(schoolSlug));
  redirect(`${membersPath(schoolSlug)}?${new URLSearchParams(result.ok ? { notice: done } : { error: result.error })}`);
}

export async function setRole(schoolSlug: string, membershipId: string, form: FormData): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await changeRole(actor, membershipId, { role: String(form.get('role') ?? '') }), 'Role changed.');
}

export async function deactivate(schoolSlug: string, membershipId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await deactivateMember(actor, membershipId), 'Member deactivated.');
}

export async function reactivate(schoolSlug: string, membershipId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await reactivateMember(actor, membershipId), 'Member reactivated.');
}

export async function withdrawInvitation(schoolSlug: string, invitationId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await revokeInvitation(actor, invitationId), 'Invitation withdrawn.');
}

export async function eraseMemberData(schoolSlug: string, requestId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await decideDeletion(actor, requestId, { erase: true }), 'Personal data erased.');
}

export async function declineErasure(schoolSlug: string, requestId: string, form: FormData): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, membersPath(schoolSlug));
  await afterward(schoolSlug, await decideDeletion(actor, requestId, { erase: false, decision: String(form.get('decision') ?? '') }), 'Request declined.');
}
