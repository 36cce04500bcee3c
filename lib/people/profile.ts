// A member's public profile in one school: the name, class year and bio printed under bylines, and
// a contact e-mail that stays hidden unless both the school and the student allow it.
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { retirePeopleOnCommit } from '../auth/people-cache.ts';
import { dbFor, transactionFor } from '../db.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { readersSeeChange } from '../articles/live.ts';
import type { NameDisplayPolicy } from '../generated/prisma/enums.ts';
import { publicName, withPublicName } from './names.ts';

export const CLASS_YEARS = ['Freshman', 'Sophomore', 'Junior', 'Senior'] as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((value) => value || null);

export const ProfileInput = z.object({
  displayName: z.string().trim().min(2, 'Enter the name to print in bylines.').max(80, 'A name can be at most 80 characters.'),
  classYear: z.union([z.enum(CLASS_YEARS), z.literal('')], { error: `Choose ${CLASS_YEARS.join(', ')} or leave it empty.` }).transform((value) => value || null),
  bio: optionalText(300, 'A bio'),
  contactEmail: z.union([z.string().trim().toLowerCase().email('Enter a valid e-mail address, or leave it empty.').max(254), z.literal('')]).transform((value) => value || null),
  showContactEmail: z.boolean().default(false),
});

export const profileFields = { id: true, slug: true, displayName: true, classYear: true, bio: true, contactEmail: true, showContactEmail: true, staffTitle: true } as const;

export async function getOwnProfile(actor: Actor) {
  return dbFor(actor.schoolId).membership.findUniqueOrThrow({ where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } }, select: profileFields });
}

/** Members edit only their own profile: the actor is the only key, no id comes from the request. */
export async function updateOwnProfile(actor: Actor, input: unknown): Promise<Result<Awaited<ReturnType<typeof getOwnProfile>>>> {
  const parsed = parseInput(ProfileInput, input);
  if (!parsed.ok) return parsed;
  const updated = await transactionFor(actor.schoolId, async (tx) => {
    const saved = await tx.membership.update({
      where: { schoolId_userId: { schoolId: actor.schoolId, userId: actor.userId } },
      data: { ...parsed.data, version: { increment: 1 } },
      select: profileFields,
    });
    // Names, bios and contact lines appear under bylines on reader pages, and the name in the newsroom.
    await readersSeeChange(tx, actor.schoolId);
    retirePeopleOnCommit(tx, [actor.userId]);
    return saved;
  });
  return ok(updated);
}

/** The one-line bio under a byline: the member's own words, or one made from their class year
 * ("Andrew Choi is a Sophomore student in Canyon Crest Academy"), as student papers print it. */
export function bioLine(member: { bio: string | null; classYear: string | null; displayName: string }, policy: NameDisplayPolicy, schoolName: string): string | null {
  if (member.bio) return withPublicName(member.bio, member.displayName, policy);
  return member.classYear ? `${publicName(member.displayName, policy)} is a ${member.classYear} student in ${schoolName}` : null;
}

/** The staff of a school, for byline pickers. */
export async function listStaff(schoolId: string) {
  return dbFor(schoolId).membership.findMany({
    where: { schoolId, status: { not: 'DEACTIVATED' } },
    orderBy: { displayName: 'asc' },
    select: { id: true, displayName: true, staffTitle: true, status: true },
  });
}
