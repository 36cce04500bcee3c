// The end of a school year: this year's staff box is archived as it stood, seniors become alumni
// (their bylines and profile pages keep working; they no longer open the newsroom), everyone else
// moves up a class, and the paper starts the next year.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { retirePeopleOnCommit } from '../auth/people-cache.ts';
import { readersSeeChange } from '../articles/live.ts';
import { transactionFor } from '../db.ts';
import { fail, ok, parseInput, type Result } from '../result.ts';
import { CLASS_YEARS } from './profile.ts';
import { staffBoxOrder } from './public.ts';

export const RolloverInput = z.object({ fromYear: z.string().regex(/^\d{4}-\d{2}$/, 'Name the school year being closed, like 2026-27.') });

/** "2026-27" → "2027-28". */
export function nextSchoolYear(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface Rollover {
  archivedYear: string;
  schoolYear: string;
  archived: number;
  graduated: number;
}

export async function rollOverSchoolYear(actor: Actor, input: unknown): Promise<Result<Rollover>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(RolloverInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const [school] = await tx.$queryRaw<{ currentSchoolYear: string }[]>`SELECT "currentSchoolYear" FROM schools WHERE id = ${actor.schoolId} FOR UPDATE`;
    if (school!.currentSchoolYear !== parsed.data.fromYear) {
      return fail(409, `The paper is already in ${school!.currentSchoolYear}; reload to see it.`);
    }
    const year = school!.currentSchoolYear;
    const members = await tx.membership.findMany({
      where: { schoolId: actor.schoolId, status: 'ACTIVE' },
      select: { id: true, userId: true, role: true, displayName: true, staffTitle: true, classYear: true },
    });
    // Seniors become alumni and everyone moves up a class: all of them, as of the commit.
    retirePeopleOnCommit(
      tx,
      members.map((member) => member.userId),
    );
    // The archived box in the order of the live one.
    members.sort(staffBoxOrder);
    await tx.mastheadEntry.createMany({
      data: members.map((member, position) => ({ schoolId: actor.schoolId, schoolYear: year, membershipId: member.id, title: member.staffTitle ?? 'Staff', position })),
      skipDuplicates: true,
    });
    const seniors = members.filter((member) => member.classYear === 'Senior').map((member) => member.id);
    await tx.membership.updateMany({ where: { schoolId: actor.schoolId, id: { in: seniors } }, data: { status: 'ALUMNI', graduationYear: Number(year.slice(0, 4)) + 1 } });
    for (const [index, classYear] of CLASS_YEARS.slice(0, -1).entries()) {
      await tx.membership.updateMany({ where: { schoolId: actor.schoolId, status: 'ACTIVE', classYear }, data: { classYear: `${CLASS_YEARS[index + 1]}#` } });
    }
    // Two steps, so a freshman becomes a sophomore and not, in the same pass, a junior.
    for (const classYear of CLASS_YEARS.slice(1)) {
      await tx.membership.updateMany({ where: { schoolId: actor.schoolId, classYear: `${classYear}#` }, data: { classYear } });
    }
    const schoolYear = nextSchoolYear(year);
    await tx.school.update({ where: { id: actor.schoolId }, data: { currentSchoolYear: schoolYear } });
    await readersSeeChange(tx, actor.schoolId);
    return ok({ archivedYear: year, schoolYear, archived: members.length, graduated: seniors.length });
  });
}
