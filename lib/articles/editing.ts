// The editor page's view of one article: always within the actor's school.
import { db, dbFor } from '../db.ts';
import type { Actor } from '../auth/actor.ts';
import { listStaff } from '../people/profile.ts';
import { listSections } from '../tenants/sections.ts';
import { missing, ok } from '../result.ts';
import { editableArticleFields, mayEdit } from './access.ts';
import { BYLINE_TITLES } from './bylines.ts';
import { draftSnapshot } from './drafts.ts';

/** Everything the editor page needs: the working copy, whether the actor may change it, and the
 * school's sections, staff and headline limit. */
export async function getArticleForEditing(actor: Actor, articleId: string) {
  const article = await dbFor(actor.schoolId).article.findFirst({
    where: { id: articleId, schoolId: actor.schoolId },
    select: { ...editableArticleFields, commentsOpen: true, section: { select: { name: true } } },
  });
  if (!article) return missing('article');
  const [sections, staff, school] = await Promise.all([
    listSections(actor.schoolId),
    listStaff(actor.schoolId),
    db.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { maxHeadlineLength: true } }),
  ]);
  return ok({
    article,
    editable: mayEdit(actor, article),
    draft: draftSnapshot(article),
    sections,
    staff: staff.map(({ id, displayName }) => ({ id, displayName })),
    bylineTitles: BYLINE_TITLES,
    maxHeadlineLength: school.maxHeadlineLength,
  });
}
