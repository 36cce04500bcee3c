// Who may do what within a school: the one table. The UI asks it what to show, the data functions
// ask it again (through requirePermission) before they act, and a refusal's words come from it too,
// so a change of roles changes the buttons, the check and the message together.
import type { Role } from '../generated/prisma/enums.ts';

export const ROLES = ['REPORTER', 'EDITOR', 'ADVISER', 'SCHOOL_ADMIN'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  REPORTER: 'Reporter',
  EDITOR: 'Student editor',
  ADVISER: 'Faculty adviser',
  SCHOOL_ADMIN: 'School admin',
};

const EVERY_ROLE: readonly Role[] = ROLES;
const EDITORS_AND_UP: readonly Role[] = ['EDITOR', 'ADVISER', 'SCHOOL_ADMIN'];
const ADVISERS_AND_ADMINS: readonly Role[] = ['ADVISER', 'SCHOOL_ADMIN'];

const PERMISSIONS = {
  'newsroom.view': { roles: EVERY_ROLE, to: 'work in this newsroom' },
  'article.create': { roles: EVERY_ROLE, to: 'start stories and upload pictures here' },
  // Editors and advisers edit any story of their school (a section editor, of their section);
  // everyone else edits only stories they have a byline on or started.
  'article.editAny': { roles: EDITORS_AND_UP, to: 'change stories they are not an author of' },
  'article.review': { roles: EDITORS_AND_UP, to: 'review and assign stories' },
  'edition.manage': { roles: EDITORS_AND_UP, to: 'build issues of the paper' },
  // The sports desk: teams, schedules and scores are the editors' to keep.
  'sports.manage': { roles: EDITORS_AND_UP, to: 'keep the teams, schedules and scores' },
  // Requests from the public to correct, anonymize or remove a story: read and decided by the
  // student editors and the adviser together (the policy page says so).
  'removals.handle': { roles: EDITORS_AND_UP, to: 'handle requests to correct, anonymize or remove stories' },
  // Reaching readers: the editors send newsletters and moderate comments; everyone sees the audience
  // numbers of their own stories, the editors and the adviser those of the whole paper.
  'newsletter.send': { roles: EDITORS_AND_UP, to: 'send the newsletter and see its subscribers' },
  'comments.moderate': { roles: EDITORS_AND_UP, to: 'moderate readers’ comments' },
  'audience.viewAll': { roles: EDITORS_AND_UP, to: 'see the whole paper’s audience numbers' },
  'members.manage': { roles: ADVISERS_AND_ADMINS, to: 'manage members and their data requests' },
  'school.settings': { roles: ADVISERS_AND_ADMINS, to: 'see or change the paper’s settings, branding and school year' },
} as const satisfies Record<string, { roles: readonly Role[]; to: string }>;

/** Something a role may do in a school ("members.manage"). */
export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].roles.includes(role);
}

/** "a student editor, a faculty adviser or a school admin" */
function roleList(roles: readonly Role[]): string {
  const names = roles.map((role) => `a ${ROLE_LABELS[role].toLowerCase()}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
}

/** What someone without the permission is told: who may, and what. */
export function refusalFor(permission: Permission): string {
  const { roles, to } = PERMISSIONS[permission];
  const who = roles === EVERY_ROLE ? 'members of this newsroom' : roleList(roles);
  return `Only ${who} may ${to}.`;
}
