'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createDraft } from '@/lib/articles';
import { requireNewsroomActor } from '@/lib/auth/signed-in';
import { signOutEverywhere } from '@/lib/auth/sign-out-everywhere';
import { formField } from '@/lib/forms';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { newsroomPath } from '@/lib/routes';
import { requestDeletion } from '@/lib/people/deletion';
import { updateOwnProfile } from '@/lib/people/profile';
import { rollOverSchoolYear } from '@/lib/people/rollover';
import { updateBranding } from '@/lib/tenants/branding';
import { updateSchoolSettings } from '@/lib/tenants/settings';
import { saveRemovalPolicy } from '@/lib/removals/school-policy';
import { updateCommentSettings } from '@/lib/reader-comments/settings';
import { assignStory, checklistFromTicked, pitchStory, startAssignedStory } from '@/lib/workflow';

export async function startArticle(schoolSlug: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, newsroomPath(schoolSlug));
  const created = await createDraft(actor, {});
  // Every member may start a story and an empty draft has nothing to reject: a failure is a bug.
  if (!created.ok) throw new Error(created.error);
  redirect(newsroomPath(schoolSlug, `articles/${created.data.id}`));
}

export async function startAssignment(schoolSlug: string, assignmentId: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, newsroomPath(schoolSlug));
  const started = await startAssignedStory(actor, assignmentId);
  if (!started.ok) redirect(`${newsroomPath(schoolSlug)}?${new URLSearchParams({ error: started.error })}`);
  redirect(newsroomPath(schoolSlug, `articles/${started.data.id}`));
}

/** Voids every session of this user, on every device, this one included. */
export async function signOutOnEveryDevice(schoolSlug: string): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, newsroomPath(schoolSlug, 'profile'));
  await signOutEverywhere(actor.userId);
  redirect('/signin?signedOut=everywhere');
}

export const saveProfile = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'profile'),
  fields: z.object({ displayName: formField.text, classYear: formField.text, bio: formField.text, contactEmail: formField.text, showContactEmail: formField.checkbox }),
  run: updateOwnProfile,
  done: () => ({ ok: true, message: 'Profile saved.' }),
});

export const pitch = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug),
  fields: z.object({ title: formField.text, description: formField.text, sectionId: formField.optional.transform((id) => id ?? null) }),
  run: pitchStory,
  done: () => ({ ok: true, message: 'Pitch added to the budget.' }),
});

export const assign = newsroomAction({
  page: (schoolSlug: string, _assignmentId: string) => newsroomPath(schoolSlug),
  fields: z.object({ assigneeId: formField.text, dueAt: formField.optional }),
  run: (actor, input, assignmentId) => assignStory(actor, assignmentId, input),
  done: () => ({ ok: true, message: 'Assigned.' }),
});

export const saveBranding = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'settings'),
  fields: z.object({ newspaperName: formField.text, tagline: formField.text, accentColor: formField.text }),
  run: updateBranding,
  done: () => ({ ok: true, message: 'Branding saved.' }),
});

export const saveSettings = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'settings'),
  fields: z.object({
    reviewPolicy: formField.text,
    reviewChain: formField.list.transform((steps) => steps.filter(Boolean)),
    studentsMayPublish: formField.checkbox,
    nameDisplayPolicy: formField.text,
    allowContactEmails: formField.checkbox,
    minimumWords: formField.number,
    maxHeadlineLength: formField.number,
    // One checkbox per checklist rule, all named "checklist": the ticked ones arrive.
    checklist: formField.list.transform(checklistFromTicked),
    signInDomains: formField.text.transform((domains) =>
      domains
        .split(',')
        .map((domain) => domain.trim())
        .filter(Boolean),
    ),
  }),
  run: updateSchoolSettings,
  done: () => ({ ok: true, message: 'Settings saved.' }),
});

export const closeSchoolYear = newsroomPageAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'settings'),
  fields: z.object({ fromYear: formField.text }),
  run: rollOverSchoolYear,
  notice: (rolled) => `${rolled.archivedYear} is closed: ${rolled.archived} names archived in its staff box, ${rolled.graduated} seniors are now alumni. Welcome to ${rolled.schoolYear}.`,
});

export const askForErasure = newsroomPageAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'profile'),
  fields: z.object({ reason: formField.text }),
  run: requestDeletion,
  notice: 'Your request is with the adviser, who will decide on it.',
});

export const saveRequestPolicy = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'settings'),
  fields: z.object({ policy: formField.text }),
  run: saveRemovalPolicy,
  done: () => ({ ok: true, message: 'Policy saved; readers see it now.' }),
});

export const saveCommentSettings = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'settings'),
  fields: z.object({ commentsEnabled: formField.checkbox, commenterNamePolicy: formField.text }),
  run: updateCommentSettings,
  done: () => ({ ok: true, message: 'Comment settings saved.' }),
});
