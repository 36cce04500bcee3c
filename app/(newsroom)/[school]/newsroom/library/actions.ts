'use server';
import { z } from 'zod';
import { formField } from '@/lib/forms';
import { updateMediaDetails } from '@/lib/media/library';
import { newsroomAction } from '@/lib/newsroom/action';
import { newsroomPath } from '@/lib/routes';

export const saveMediaDetails = newsroomAction({
  page: (schoolSlug: string, _mediaId: string) => newsroomPath(schoolSlug, 'library'),
  fields: z.object({ alt: formField.text, caption: formField.text, credit: formField.text, usageRights: formField.text, rightsNote: formField.text }),
  run: (actor, input, mediaId) => updateMediaDetails(actor, mediaId, input),
  done: () => ({ ok: true, message: 'Saved.' }),
});
