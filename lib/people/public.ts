// People as readers see them: the staff box (the masthead) by school year, and reporter pages.
// Names follow the school's name-display policy everywhere.
import { dbFor } from '../db.ts';
import type { NameDisplayPolicy, Role } from '../generated/prisma/enums.ts';
import { cachedForReaders } from '../tenants/reader-cache.ts';
import { publicName } from './names.ts';
import { bioLine } from './profile.ts';

interface PeopleSchool {
  id: string;
  name: string;
  nameDisplayPolicy: NameDisplayPolicy;
  contentVersion: number;
  currentSchoolYear: string;
}

// Student editors head the staff box; the adviser closes it, as papers print it.
const ROLE_ORDER: Record<Role, number> = { EDITOR: 0, REPORTER: 1, SCHOOL_ADMIN: 2, ADVISER: 3 };

/** The order of a staff box, live or archived: by role, then by name. */
export function staffBoxOrder(a: { role: Role; displayName: string }, b: { role: Role; displayName: string }): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.displayName.localeCompare(b.displayName);
}

export function getStaffBox(school: PeopleSchool, requestedYear?: string) {
  return cachedForReaders(school, `staff:${requestedYear ?? ''}`, async () => {
    const archived = await dbFor(school.id).mastheadEntry.findMany({ where: { schoolId: school.id }, distinct: ['schoolYear'], select: { schoolYear: true }, orderBy: { schoolYear: 'desc' } });
    const years = [...new Set([school.currentSchoolYear, ...archived.map((entry) => entry.schoolYear)])].sort().reverse();
    const year = requestedYear && years.includes(requestedYear) ? requestedYear : school.currentSchoolYear;
    const entries = await dbFor(school.id).mastheadEntry.findMany({
      where: { schoolId: school.id, schoolYear: year },
      orderBy: { position: 'asc' },
      select: { title: true, membership: { select: { slug: true, displayName: true, classYear: true } } },
    });
    if (entries.length > 0 || year !== school.currentSchoolYear) {
      return {
        years,
        year,
        staff: entries.map((entry) => ({
          title: entry.title,
          name: publicName(entry.membership.displayName, school.nameDisplayPolicy),
          slug: entry.membership.slug,
          classYear: entry.membership.classYear,
        })),
      };
    }
    // This year's box before it is archived: the active staff, by role.
    const members = await dbFor(school.id).membership.findMany({
      where: { schoolId: school.id, status: 'ACTIVE' },
      select: { slug: true, displayName: true, classYear: true, staffTitle: true, role: true },
    });
    members.sort(staffBoxOrder);
    return {
      years,
      year,
      staff: members.map((member) => ({ title: member.staffTitle ?? 'Staff', name: publicName(member.displayName, school.nameDisplayPolicy), slug: member.slug, classYear: member.classYear })),
    };
  });
}

/** A reporter's public page: active members and alumni (whose bylines keep working). */
export function getReporter(school: PeopleSchool, slug: string) {
  return cachedForReaders(school, `reporter:${slug}`, async () => {
    const member = await dbFor(school.id).membership.findUnique({
      where: { schoolId_slug: { schoolId: school.id, slug } },
      select: { id: true, slug: true, displayName: true, staffTitle: true, classYear: true, bio: true, status: true },
    });
    if (!member || member.status === 'DEACTIVATED') return null;
    const name = publicName(member.displayName, school.nameDisplayPolicy);
    return { id: member.id, slug: member.slug, name, title: member.staffTitle, alumni: member.status === 'ALUMNI', bio: bioLine(member, school.nameDisplayPolicy, school.name) };
  });
}
