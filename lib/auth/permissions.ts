// Who may do what within a school. The UI asks this table to decide what to show; the data
// functions ask it again before they act.
import type { Role } from '../generated/prisma/enums.ts';

export const ROLES = ['REPORTER', 'EDITOR', 'ADVISER', 'SCHOOL_ADMIN'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  REPORTER: 'Reporter',
  EDITOR: 'Student editor',
  ADVISER: 'Faculty adviser',
  SCHOOL_ADMIN: 'School admin',
};

const EVERY_ROLE: readonly Role[] = ROLES;
const PERMISSIONS = {
  'newsroom.view': EVERY_ROLE,
  'article.create': EVERY_ROLE,
  // Editors and advisers edit any story of their school (a section editor, of their section);
  // everyone else edits only stories they have a byline on or started.
  'article.editAny': ['EDITOR', 'ADVISER', 'SCHOOL_ADMIN'],
  'article.review': ['EDITOR', 'ADVISER', 'SCHOOL_ADMIN'],
  'edition.manage': ['EDITOR', 'ADVISER', 'SCHOOL_ADMIN'],
  'members.manage': ['ADVISER', 'SCHOOL_ADMIN'],
  'school.settings': ['ADVISER', 'SCHOOL_ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
