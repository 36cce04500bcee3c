'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { newsroomAction, newsroomPageAction } from '@/lib/newsroom/action';
import { cancelSend, scheduleSend } from '@/lib/newsletters/sends';
import { eraseSubscriber } from '@/lib/newsletters/subscribers';
import { newsroomPath } from '@/lib/routes';

const page = (schoolSlug: string) => newsroomPath(schoolSlug, 'newsletter');

export const composeNewsletter = newsroomAction({
  page,
  fields: z.object({ list: formField.text, subject: formField.text, intro: formField.text, editionId: formField.optional, articleIds: formField.list, sendAt: formField.optional }),
  run: scheduleSend,
  done: ({ scheduledFor, stories }) => ({
    ok: true,
    message:
      scheduledFor.getTime() <= Date.now()
        ? `Sending now: ${stories} ${stories === 1 ? 'story' : 'stories'}. Progress is below.`
        : `Scheduled, with ${stories} ${stories === 1 ? 'story' : 'stories'}.`,
  }),
});

export const cancelNewsletter = newsroomPageAction({
  page: (schoolSlug: string, _sendId: string) => page(schoolSlug),
  fields: z.object({}),
  run: (actor, _input, sendId) => cancelSend(actor, sendId),
  notice: 'Cancelled: nothing was sent.',
});

export const eraseAddress = newsroomPageAction({
  page,
  fields: z.object({ email: formField.text }),
  run: eraseSubscriber,
  notice: 'Erased: the address and everything sent to it are gone.',
});
