// A new school on the platform: a platform admin names it (slug, school and newspaper names, an
// optional host of its own) and invites its first adviser, who takes it from there.
import { z } from 'zod';
import { db, PLATFORM, transactionFor, actAsTenant } from '../db.ts';
import { slugify } from '../articles/slugs.ts';
import { issueInvitation, type IssuedInvitation } from '../people/members.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { normalizeHost, SchoolSlug } from './host.ts';

const DEFAULT_SECTIONS = ['News', 'Opinion', 'Features', 'Sports', 'Arts & Entertainment'];

export const NewSchoolInput = z.object({
  slug: SchoolSlug,
  name: z.string().trim().min(2, 'Enter the school’s name.').max(120),
  newspaperName: z.string().trim().min(2, 'Enter the newspaper’s name.').max(80),
  host: z
    .string()
    .trim()
    .max(253)
    .transform((host) => (host ? (normalizeHost(host) ?? host) : null))
    .refine((host) => host === null || /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host), 'Enter a host name like news.example.edu, or leave it empty.')
    .optional(),
  adviserEmail: z.string().trim().toLowerCase().email('Enter the adviser’s e-mail address.').max(254),
});

export async function isPlatformAdmin(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isPlatformAdmin: true } });
  return user?.isPlatformAdmin === true;
}

export async function createSchool(userId: string, input: unknown): Promise<Result<{ slug: string; invitation: IssuedInvitation }>> {
  if (!(await isPlatformAdmin(userId))) return missing('page');
  const parsed = parseInput(NewSchoolInput, input);
  if (!parsed.ok) return parsed;
  const { slug, name, newspaperName, host, adviserEmail } = parsed.data;
  const admin = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  // Begun across schools, to see every address in use; once the school exists, continued as it.
  return transactionFor(PLATFORM, async (tx) => {
    if (await tx.school.findUnique({ where: { slug }, select: { id: true } })) return fail(409, 'Another school uses that address.', { slug: 'Another school uses that address.' });
    if (host && (await tx.schoolDomain.findUnique({ where: { host }, select: { id: true } }))) return fail(409, 'Another school uses that host.', { host: 'Another school uses that host.' });
    const school = await tx.school.create({ data: { slug, name, newspaperName }, select: { id: true } });
    await actAsTenant(tx, school.id);
    await tx.section.createMany({ data: DEFAULT_SECTIONS.map((section, position) => ({ schoolId: school.id, name: section, slug: slugify(section), position })) });
    if (host) await tx.schoolDomain.create({ data: { schoolId: school.id, host } });
    const invitation = await issueInvitation(tx, { schoolId: school.id, email: adviserEmail, role: 'ADVISER', sendEmail: true, invitedById: null, inviterName: `${admin.name} (Masthead)` });
    return ok({ slug, invitation });
  });
}
