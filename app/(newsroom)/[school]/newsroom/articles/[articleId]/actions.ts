'use server';
// Live coverage from the story's newsroom page (lib/live-coverage): start or end it, post an
// update, publish or withdraw one.
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { decideLiveUpdate, postLiveUpdate, setLiveCoverage } from '@/lib/live-coverage';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { newsroomPath } from '@/lib/routes';

const storyPage = (schoolSlug: string, articleId: string) => newsroomPath(schoolSlug, `articles/${articleId}`);

export const switchLiveCoverage = newsroomPageAction({
  page: storyPage,
  fields: z.object({ open: formField.checkbox }),
  run: (actor, { open }, articleId) => setLiveCoverage(actor, articleId, open),
  notice: ({ live }) => (live ? 'Live coverage started: updates appear under the story.' : 'Live coverage ended.'),
});

export const postUpdate = newsroomAction({
  page: storyPage,
  fields: z.object({ text: formField.text, photoMediaId: formField.optional, photoAlt: formField.text, photoCaption: formField.text, photoCredit: formField.text }),
  run: (actor, input, articleId: string) =>
    postLiveUpdate(actor, articleId, {
      text: input.text,
      photo: input.photoMediaId ? { mediaId: input.photoMediaId, alt: input.photoAlt, caption: input.photoCaption, credit: input.photoCredit } : null,
    }),
  done: ({ published }) => ({ ok: true, message: published ? 'Posted: readers see it now.' : 'Sent to the live desk: it appears once one of them publishes it.' }),
});

export const decideUpdate = newsroomPageAction({
  page: (schoolSlug: string, articleId: string, _updateId: string) => storyPage(schoolSlug, articleId),
  fields: z.object({ decision: z.enum(['publish', 'withdraw'], { error: 'Choose to publish or withdraw the update.' }) }),
  run: (actor, { decision }, _articleId, updateId) => decideLiveUpdate(actor, updateId, decision),
  notice: ({ status }) => (status === 'PUBLISHED' ? 'Update published.' : 'Update withdrawn.'),
});
