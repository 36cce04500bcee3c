// The school's policy on requests, as readers read it and the adviser writes it.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { dbFor, transactionFor } from '../db.ts';
import { readersSeeChange } from '../articles/live.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { cachedForReaders } from '../tenants/reader-cache.ts';
import { defaultRemovalPolicy } from './policy.ts';

interface School {
  id: string;
  slug: string;
  newspaperName: string;
  contentVersion: number;
}

export function removalPolicyOf(school: School): Promise<string> {
  return cachedForReaders(school, 'removal-policy', async () => {
    const row = await dbFor(school.id).school.findUniqueOrThrow({ where: { id: school.id }, select: { removalPolicy: true } });
    return row.removalPolicy ?? defaultRemovalPolicy(school.newspaperName);
  });
}

const PolicyInput = z.object({ policy: z.string().trim().max(10_000, 'At most 10,000 characters.') });

/** The adviser's own words (empty brings back the default). Readers see them at once. */
export async function saveRemovalPolicy(actor: Actor, input: unknown): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(PolicyInput, input);
  if (!parsed.ok) return parsed;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: { removalPolicy: parsed.data.policy || null } });
    await readersSeeChange(tx, actor.schoolId);
  });
  return ok(true);
}
