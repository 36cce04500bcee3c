// The permission table is the one source of who may: requirePermission answers from it, and the
// refusal names exactly the roles the table lists.
import { describe, expect, it } from 'vitest';
import { requirePermission, type Actor } from '../../lib/auth/actor.ts';
import { ROLE_LABELS, ROLES, refusalFor, roleAllows, type Permission } from '../../lib/auth/permissions.ts';

const PERMISSIONS: Permission[] = ['newsroom.view', 'article.create', 'article.editAny', 'article.review', 'edition.manage', 'members.manage', 'school.settings'];

function actorWithRole(role: Actor['role']): Actor {
  return { userId: 'u', membershipId: 'm', schoolId: 's', schoolSlug: 'school', role, displayName: 'Someone', sectionId: null };
}

describe('the permission table', () => {
  it.each(PERMISSIONS)('%s: allowed roles pass, the others get a 403 naming who may', (permission) => {
    for (const role of ROLES) {
      const answer = requirePermission(actorWithRole(role), permission);
      if (roleAllows(role, permission)) {
        expect(answer).toEqual({ ok: true, data: true });
      } else {
        expect(answer).toMatchObject({ ok: false, status: 403, error: refusalFor(permission) });
      }
    }
    const refusal = refusalFor(permission);
    const everyone = ROLES.every((role) => roleAllows(role, permission));
    for (const role of ROLES) {
      const named = refusal.includes(ROLE_LABELS[role].toLowerCase());
      expect(named, `${role} in “${refusal}”`).toBe(!everyone && roleAllows(role, permission));
    }
  });

  it('says who may and what in plain words', () => {
    expect(refusalFor('members.manage')).toBe('Only a faculty adviser or a school admin may manage members and their data requests.');
    expect(refusalFor('edition.manage')).toBe('Only a student editor, a faculty adviser or a school admin may build issues of the paper.');
  });
});
