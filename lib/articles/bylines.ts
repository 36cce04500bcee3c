// Bylines: who wrote (or shot) the piece and in what capacity. A byline names a member of the
// school or a guest contributor; the order is the order printed.
import { z } from 'zod';
import type { Prisma } from '../db.ts';

export const BYLINE_TITLES = ['Student Reporter', 'Staff Writer', 'Contributing Writer', 'Photographer', 'Editor', 'Guest Writer'] as const;
export type BylineTitle = (typeof BYLINE_TITLES)[number];

export const BylineInput = z
  .object({
    membershipId: z.string().min(1).max(40).nullable().default(null),
    guestName: z.string().trim().max(120, 'A name can be at most 120 characters.').nullable().default(null),
    title: z.enum(BYLINE_TITLES, { error: `Choose one of: ${BYLINE_TITLES.join(', ')}.` }),
  })
  .refine((byline) => Boolean(byline.membershipId) !== Boolean(byline.guestName), {
    message: 'A byline names either a staff member or a guest contributor.',
    path: ['guestName'],
  });

export const BylineList = z.array(BylineInput).max(12, 'At most 12 bylines.');
export type BylineEntry = z.output<typeof BylineInput>;
/** A byline as rows and snapshots hold it (titles of earlier years may lie outside today's list). */
export type StoredByline = { membershipId: string | null; guestName: string | null; title: string };

/** The bylines as they are stored in a revision snapshot (and compared to see whether they changed). */
export function bylineSnapshot(bylines: readonly StoredByline[]): StoredByline[] {
  return bylines.map(({ membershipId, guestName, title }) => ({ membershipId: membershipId ?? null, guestName: guestName ?? null, title }));
}

export function sameBylines(a: readonly StoredByline[], b: readonly StoredByline[]): boolean {
  return JSON.stringify(bylineSnapshot(a)) === JSON.stringify(bylineSnapshot(b));
}

/** Member bylines must name active or alumni members of this school; returns the field errors. */
export async function bylineErrors(tx: Prisma.TransactionClient, schoolId: string, bylines: readonly BylineEntry[]): Promise<Record<string, string>> {
  const ids = bylines.flatMap((byline) => (byline.membershipId ? [byline.membershipId] : []));
  if (ids.length === 0) return {};
  const found = await tx.membership.findMany({ where: { schoolId, id: { in: ids }, status: { not: 'DEACTIVATED' } }, select: { id: true } });
  const known = new Set(found.map((member) => member.id));
  const errors: Record<string, string> = {};
  bylines.forEach((byline, index) => {
    if (byline.membershipId && !known.has(byline.membershipId)) errors[`bylines.${index}.membershipId`] = 'That person is not on this newspaper’s staff.';
  });
  return errors;
}

export async function replaceBylines(tx: Prisma.TransactionClient, schoolId: string, articleId: string, bylines: readonly StoredByline[]): Promise<void> {
  await tx.byline.deleteMany({ where: { schoolId, articleId } });
  await tx.byline.createMany({ data: bylineRows(schoolId, articleId, bylines) });
}

/** The rows of an article's bylines, in printed order. */
export function bylineRows(schoolId: string, articleId: string, bylines: readonly StoredByline[]): Prisma.BylineCreateManyInput[] {
  return bylines.map((byline, position) => ({ schoolId, articleId, position, membershipId: byline.membershipId, guestName: byline.guestName, title: byline.title }));
}
