'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { addToEdition, createEdition, orderEdition, publishEdition, removeFromEdition } from '@/lib/editions';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import type { Result } from '@/lib/result';
import { newsroomPath } from '@/lib/routes';

export const createIssue = newsroomAction({
  page: (schoolSlug) => newsroomPath(schoolSlug, 'issues'),
  fields: z.object({ volume: formField.text, number: formField.text, issueDate: formField.optional, title: formField.text }),
  run: createEdition,
  done: (created, schoolSlug) => redirect(newsroomPath(schoolSlug, `issues/${created.id}`)),
});

/** One builder action (add, remove, move, publish), chosen by the button's intent. */
export const changeIssue = newsroomPageAction({
  page: (schoolSlug: string, editionId: string) => newsroomPath(schoolSlug, `issues/${editionId}`),
  fields: z.object({
    intent: z.enum(['add', 'remove', 'order', 'publish'], { error: 'Choose what to do with the issue.' }),
    version: formField.number,
    articleId: formField.text,
    order: formField.text.transform((order) => order.split(',').filter(Boolean)),
  }),
  run: async (actor, { intent, version, articleId, order }, editionId): Promise<Result<unknown>> => {
    switch (intent) {
      case 'add':
        return addToEdition(actor, editionId, articleId, version);
      case 'remove':
        return removeFromEdition(actor, editionId, articleId, version);
      case 'order':
        return orderEdition(actor, editionId, order, version);
      case 'publish':
        return publishEdition(actor, editionId, version);
    }
  },
  notice: 'Issue updated.',
});
