import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { getArticleForEditing } from '../../lib/articles/editing.ts';
import { loadBoard } from '../../lib/workflow/budget.ts';
import { getPublishedArticle, listPublishedArticles } from '../../lib/articles/public.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { actorByEmail, schoolBySlug } from '../factories.ts';

describe('tenant isolation', () => {
  beforeAll(async () => {
    await seedDemo();
  });

  it('a member of the second school is no actor in the first school', async () => {
    expect(await actorByEmail('adviser@lincoln.example', 'canyon-crest')).toBeNull();
    expect(await actorByEmail('adviser@lincoln.example', 'lincoln-high')).toMatchObject({ role: 'ADVISER' });
  });

  it("a member of the second school cannot read the first school's article through the data functions", async () => {
    const lincolnAdviser = (await actorByEmail('adviser@lincoln.example', 'lincoln-high'))!;
    const ccaEditor = (await actorByEmail('editor@canyoncrest.example', 'canyon-crest'))!;
    const ccaArticle = await db.article.findFirstOrThrow({ where: { schoolId: ccaEditor.schoolId } });

    expect(await getArticleForEditing(ccaEditor, ccaArticle.id)).toMatchObject({ ok: true, data: { article: { id: ccaArticle.id } } });
    expect(await getArticleForEditing(lincolnAdviser, ccaArticle.id)).toMatchObject({ ok: false, status: 404 });
    const lincolnBoard = (await loadBoard(lincolnAdviser, {})).columns.flatMap((column) => column.cards.map((card) => card.id));
    expect(lincolnBoard.length).toBeGreaterThan(0);
    expect(lincolnBoard).not.toContain(ccaArticle.id);
    const ccaBoard = (await loadBoard(ccaEditor, {})).columns.flatMap((column) => column.cards.map((card) => card.id));
    expect(ccaBoard).toContain(ccaArticle.id);
  });

  it("the second school's public site shows nothing of the first school's", async () => {
    const lincoln = await schoolBySlug('lincoln-high');
    expect(await getPublishedArticle(lincoln, 'north-korea-troops-russia-ukraine')).toBeNull();
    expect(await listPublishedArticles(lincoln)).toEqual([]);
  });

  it('a deactivated member loses access', async () => {
    const school = await schoolBySlug('canyon-crest');
    const user = await db.user.findUniqueOrThrow({ where: { email: 'jordan.reyes@canyoncrest.example' } });
    await db.membership.update({ where: { schoolId_userId: { schoolId: school.id, userId: user.id } }, data: { status: 'DEACTIVATED' } });
    expect(await actorByEmail('jordan.reyes@canyoncrest.example', 'canyon-crest')).toBeNull();
  });

  it('the workflow event log refuses to be rewritten', async () => {
    const event = await db.workflowEvent.findFirstOrThrow();
    await expect(db.workflowEvent.update({ where: { id: event.id }, data: { comment: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(db.workflowEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
