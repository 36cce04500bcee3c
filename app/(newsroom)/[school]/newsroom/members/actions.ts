'use server';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import type { Result } from '@/lib/result';
import { formField } from '@/lib/forms';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { decideDeletion } from '@/lib/people/deletion';
import { changeRole, deactivateMember, inviteMember, reactivateMember, revokeInvitation } from '@/lib/people/members';
import { newsroomPath } from '@/lib/routes';
import { setLiveDesk } from '@/lib/live-coverage';

const membersPage = (schoolSlug: string) => newsroomPath(schoolSlug, 'members');

export const invite = newsroomAction({
  page: membersPage,
  fields: z.object({ email: formField.text, role: formField.text, sendEmail: formField.checkbox }),
  run: inviteMember,
  // The link is shown too, to pass on by hand where mail does not arrive.
  done: (invitation) => ({ ok: true, message: invitation.link }),
});

// The buttons of the member list: each acts on one member, invitation or request (its id bound by
// the page), then shows the list again with what happened.
function memberListButton<T>(act: (actor: Actor, id: string) => Promise<Result<T>>, notice: string) {
  return newsroomPageAction({ page: (schoolSlug: string, _id: string) => membersPage(schoolSlug), fields: z.object({}), run: (actor, _input, id) => act(actor, id), notice });
}

export const setRole = newsroomPageAction({
  page: (schoolSlug: string, _membershipId: string) => membersPage(schoolSlug),
  fields: z.object({ role: formField.text }),
  run: (actor, input, membershipId) => changeRole(actor, membershipId, input),
  notice: 'Role changed.',
});
export const deactivate = memberListButton(deactivateMember, 'Member deactivated.');
export const reactivate = memberListButton(reactivateMember, 'Member reactivated.');
export const withdrawInvitation = memberListButton(revokeInvitation, 'Invitation withdrawn.');
export const eraseMemberData = memberListButton((actor, requestId) => decideDeletion(actor, requestId, { erase: true }), 'Personal data erased.');

export const declineErasure = newsroomPageAction({
  page: (schoolSlug: string, _requestId: string) => membersPage(schoolSlug),
  fields: z.object({ decision: formField.text }),
  run: (actor, { decision }, requestId) => decideDeletion(actor, requestId, { erase: false, decision }),
  notice: 'Request declined.',
});

export const switchLiveDesk = newsroomPageAction({
  page: (schoolSlug: string, _membershipId: string) => membersPage(schoolSlug),
  fields: z.object({ onDesk: formField.checkbox }),
  run: (actor, { onDesk }, membershipId) => setLiveDesk(actor, membershipId, onDesk),
  notice: ({ liveDesk }) => (liveDesk ? 'Added to the live desk: their live updates go out without review.' : 'Taken off the live desk: their live updates wait for review.'),
});
