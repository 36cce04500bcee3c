// Whether readers may comment at all, and how they must sign: the adviser's choice.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { transactionFor } from '../db.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { COMMENTER_NAME_POLICIES } from './policy.ts';

export const CommentSettingsInput = z.object({
  commentsEnabled: z.boolean(),
  commenterNamePolicy: z.enum(Object.keys(COMMENTER_NAME_POLICIES) as [keyof typeof COMMENTER_NAME_POLICIES], { error: 'Choose how commenters sign.' }),
});

export async function updateCommentSettings(actor: Actor, input: unknown): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(CommentSettingsInput, input);
  if (!parsed.ok) return parsed;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: parsed.data });
    // Every story page shows (or stops showing) its comments at once.
    await readersSeeChange(tx, actor.schoolId);
  });
  return ok(true);
}
