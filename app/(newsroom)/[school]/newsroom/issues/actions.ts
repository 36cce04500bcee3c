'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireNewsroomActor } from '@/lib/auth/session';
import { addToEdition, createEdition, orderEdition, publishEdition, removeFromEdition } from '@/lib/issues';
import type { FormState } from '@/lib/forms';

export async function createIssue(schoolSlug: string, _previous: FormState, form: FormData): Promise<FormState> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/issues`);
  const created = await createEdition(actor, { volume: form.get('volume'), number: form.get('number'), issueDate: form.get('issueDate') || undefined, title: String(form.get('title') ?? '') });
  if (!created.ok) return { ok: false, error: created.error, fieldErrors: created.fieldErrors };
  redirect(`/${schoolSlug}/newsroom/issues/${created.data.id}`);
}

/** One builder action (add, remove, move, publish) from a form: errors come back in the address. */
export async function changeIssue(schoolSlug: string, editionId: string, form: FormData): Promise<void> {
  const { actor } = await requireNewsroomActor(schoolSlug, `/${schoolSlug}/newsroom/issues/${editionId}`);
  const version = Number(form.get('version'));
  const articleId = String(form.get('articleId') ?? '');
  const intent = String(form.get('intent'));
  let result;
  if (intent === 'add') result = await addToEdition(actor, editionId, articleId, version);
  else if (intent === 'remove') result = await removeFromEdition(actor, editionId, articleId, version);
  else if (intent === 'order')
    result = await orderEdition(
      actor,
      editionId,
      String(form.get('order') ?? '')
        .split(',')
        .filter(Boolean),
      version,
    );
  else result = await publishEdition(actor, editionId, version);
  const page = `/${schoolSlug}/newsroom/issues/${editionId}`;
  revalidatePath(page);
  if (!result.ok) redirect(`${page}?error=${encodeURIComponent(result.error)}`);
  redirect(page);
}
