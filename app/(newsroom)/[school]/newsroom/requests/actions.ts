'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { OUTCOME_LABELS } from '@/lib/removals/policy';
import { addRemovalNote, decideRemovalRequest } from '@/lib/removals/cases';
import { newsroomPath } from '@/lib/routes';

const casePage = (schoolSlug: string, requestId: string) => newsroomPath(schoolSlug, `requests/${requestId}`);

export const addCaseNote = newsroomPageAction({
  page: casePage,
  fields: z.object({ body: formField.text }),
  run: (actor, input, requestId) => addRemovalNote(actor, requestId, input),
  notice: 'Note added.',
});

export const decideCase = newsroomAction({
  page: casePage,
  fields: z.object({
    outcome: formField.text,
    names: formField.optional,
    replacement: formField.optional,
    note: formField.optional,
    notice: formField.optional,
    publicReason: formField.optional,
    privateReason: formField.optional,
  }),
  run: (actor, input, requestId) => decideRemovalRequest(actor, requestId, input),
  done: (decided) => ({
    ok: true,
    message: `Decided: ${OUTCOME_LABELS[decided.outcome as keyof typeof OUTCOME_LABELS].toLowerCase()}${decided.outcome === 'ANONYMIZED' ? ` in ${decided.changed} ${decided.changed === 1 ? 'story' : 'stories'}` : ''}. The requester is told by e-mail.`,
  }),
});
