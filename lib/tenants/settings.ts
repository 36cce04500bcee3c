// A school's editorial settings: who must approve before publication (and in which order), how
// names appear to readers, whether contact e-mails may be shown, and the submit checklist. Only
// the adviser or a school admin changes them; readers see the effect at once.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { db, transactionFor } from '../db.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { Checklist, ChecklistChoice } from '../workflow/checklist.ts';
import { CHAIN_STEPS } from '../workflow/policy.ts';

export const SchoolSettingsInput = z.object({
  reviewPolicy: z.enum(['ADVISER_APPROVAL', 'STUDENT_EDITORS_DECIDE'], { error: 'Choose who approves stories.' }),
  reviewChain: z
    .array(z.enum(CHAIN_STEPS, { error: 'Unknown review step.' }))
    .max(4, 'At most four review steps.')
    .refine((steps) => new Set(steps).size === steps.length, 'Each step can appear once.'),
  studentsMayPublish: z.boolean(),
  nameDisplayPolicy: z.enum(['FULL_NAME', 'FIRST_NAME_LAST_INITIAL'], { error: 'Choose how names appear.' }),
  allowContactEmails: z.boolean(),
  minimumWords: z.number({ error: 'Enter a number of words.' }).int('Enter a whole number.').min(0, 'Use 0 or more.').max(5000, 'At most 5,000 words.'),
  maxHeadlineLength: z.number({ error: 'Enter a number of characters.' }).int('Enter a whole number.').min(30, 'Allow at least 30 characters.').max(300, 'At most 300 characters.'),
  checklist: ChecklistChoice,
  // Members with addresses at these domains may also sign in with Google or Microsoft.
  signInDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'Use domains like school.edu, separated by commas.'),
    )
    .max(5, 'At most five domains.')
    .transform((domains) => [...new Set(domains)]),
});
export type SchoolSettingsInput = z.input<typeof SchoolSettingsInput>;

const settingsFields = {
  reviewPolicy: true,
  reviewChain: true,
  studentsMayPublish: true,
  nameDisplayPolicy: true,
  allowContactEmails: true,
  minimumWords: true,
  maxHeadlineLength: true,
  checklist: true,
  signInDomains: true,
  version: true,
} as const;

export async function getSchoolSettings(actor: Actor) {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const school = await db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: settingsFields });
  return ok({ ...school, checklist: Checklist.parse(school.checklist) });
}

export async function updateSchoolSettings(actor: Actor, input: unknown): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(SchoolSettingsInput, input);
  if (!parsed.ok) return parsed;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: { ...parsed.data, version: { increment: 1 } } });
    // Bylines, staff pages, feeds and search results show names under the new policy at once.
    await readersSeeChange(tx, actor.schoolId);
  });
  return ok(true);
}
