'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { decideDeletion } from '@/lib/people/deletion';
import { changeRole, deactivateMember, inviteMember, reactivateMember, revokeInvitation } from '@/lib/people/members';
import { newsroomPath } from '@/lib/routes';

const membersPage = (schoolSlug: string) => newsroomPath(schoolSlug, 'members');
const noFields = z.object({});

export const invite = newsroomAction({
  page: membersPage,
  fields: z.object({ email: formField.text, role: formField.text, sendEmail: formField.checkbox }),
  run: inviteMember,
  // The link is shown too, to pass on by hand where mail does not arrive.
  done: (invitation) => ({ ok: true, message: invitation.link }),
});

// The buttons of the member list: each acts on one member, invitation or request, then shows the list again.
export const setRole = newsroomPageAction({
  page: (schoolSlug: string, _membershipId: string) => membersPage(schoolSlug),
  fields: z.object({ role: formField.text }),
  run: (actor, input, membershipId) => changeRole(actor, membershipId, input),
  notice: 'Role changed.',
});

export const deactivate = newsroomPageAction({
  page: (schoolSlug: string, _membershipId: string) => membersPage(schoolSlug),
  fields: noFields,
  run: (actor, _input, membershipId) => deactivateMember(actor, membershipId),
  notice: 'Member deactivated.',
});

export const reactivate = newsroomPageAction({
  page: (schoolSlug: string, _membershipId: string) => membersPage(schoolSlug),
  fields: noFields,
  run: (actor, _input, membershipId) => reactivateMember(actor, membershipId),
  notice: 'Member reactivated.',
});

export const withdrawInvitation = newsroomPageAction({
  page: (schoolSlug: string, _invitationId: string) => membersPage(schoolSlug),
  fields: noFields,
  run: (actor, _input, invitationId) => revokeInvitation(actor, invitationId),
  notice: 'Invitation withdrawn.',
});

export const eraseMemberData = newsroomPageAction({
  page: (schoolSlug: string, _requestId: string) => membersPage(schoolSlug),
  fields: noFields,
  run: (actor, _input, requestId) => decideDeletion(actor, requestId, { erase: true }),
  notice: 'Personal data erased.',
});

export const declineErasure = newsroomPageAction({
  page: (schoolSlug: string, _requestId: string) => membersPage(schoolSlug),
  fields: z.object({ decision: formField.text }),
  run: (actor, { decision }, requestId) => decideDeletion(actor, requestId, { erase: false, decision }),
  notice: 'Request declined.',
});
