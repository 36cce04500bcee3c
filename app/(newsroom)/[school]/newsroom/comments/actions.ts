'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { newsroomPageAction } from '@/lib/newsroom/action';
import { moderateComment, setStoryComments, unblockCommenter } from '@/lib/reader-comments/comments';
import { newsroomPath } from '@/lib/routes';

const page = (schoolSlug: string) => newsroomPath(schoolSlug, 'comments');

export const moderate = newsroomPageAction({
  page: (schoolSlug: string, _commentId: string) => page(schoolSlug),
  fields: z.object({ decision: formField.text, reason: formField.text }),
  run: (actor, input, commentId: string) => moderateComment(actor, commentId, input),
  notice: ({ status }) => (status === 'APPROVED' ? 'Approved: readers see it under the story now.' : 'Rejected; the reason is kept.'),
});

export const unblock = newsroomPageAction({
  page,
  fields: z.object({ email: formField.text }),
  run: (actor, input) => unblockCommenter(actor, input.email),
  notice: 'The address may comment again.',
});

export const switchStoryComments = newsroomPageAction({
  page: (schoolSlug: string, articleId: string) => newsroomPath(schoolSlug, `articles/${articleId}`),
  fields: z.object({ open: formField.text }),
  run: (actor, input, articleId) => setStoryComments(actor, articleId, input.open === 'yes'),
  notice: 'Saved: readers see the change at once.',
});
