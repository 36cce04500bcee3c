import { beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { createDraft, saveDraft, restoreRevision, listRevisions, getRevisions } from '../../lib/articles/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { docOf, seededActors } from '../factories.ts';

type Actors = Awaited<ReturnType<typeof seededActors>>;
let people: Actors;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

async function newDraft(actor = people.andrew) {
  const created = await createDraft(actor, { headline: 'Board Votes on Later Start Times' });
  if (!created.ok) throw new Error(created.error);
  return created.data;
}

function save(actor: Actors[keyof Actors], id: string, expectedVersion: number, text: string, extra: Record<string, unknown> = {}) {
  return saveDraft(actor, id, {
    expectedVersion,
    headline: 'Board Votes on Later Start Times',
    deck: '',
    sectionId: null,
    tags: [],
    body: docOf(text),
    bylines: [{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' }],
    ...extra,
  });
}

describe('drafting', () => {
  it('a new draft has its starter as first byline, a slug from the headline, and revision 1', async () => {
    const { id } = await newDraft();
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { bylines: true, revisions: true } });
    expect(article.slug).toMatch(/^board-votes-on-later-start-times(-\d+)?$/);
    expect(article.bylines).toMatchObject([{ membershipId: people.andrew.membershipId, title: 'Student Reporter' }]);
    expect(article.revisions.map((revision) => revision.number)).toEqual([1]);
  });

  it('stories started at the same moment with the same headline each get an address of their own', async () => {
    const started = await Promise.all(Array.from({ length: 8 }, (_, index) => createDraft(index % 2 ? people.andrew : people.jordan, { headline: 'Snow Day Called for Friday' })));
    expect(started.map((result) => result.ok)).toEqual(Array(8).fill(true));
    const slugs = await db.article.findMany({ where: { headline: 'Snow Day Called for Friday' }, select: { slug: true } });
    expect(new Set(slugs.map((row) => row.slug))).toEqual(new Set(['snow-day-called-for-friday', ...Array.from({ length: 7 }, (_, index) => `snow-day-called-for-friday-${index + 2}`)]));
  });

  it('a save from the current version is stored and bumps the version', async () => {
    const { id, version } = await newDraft();
    const saved = await save(people.andrew, id, version, 'The school board voted 4–1.');
    expect(saved).toMatchObject({ ok: true, data: { version: version + 1, changed: true } });
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article.bodyText).toBe('The school board voted 4–1.');
  });

  it('a stale save gets 409 with the server copy, and the server copy is untouched', async () => {
    const { id, version } = await newDraft();
    const first = await save(people.andrew, id, version, 'Text from the first tab.');
    expect(first.ok).toBe(true);
    const stale = await save(people.andrew, id, version, 'Text from the second tab.');
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.status).toBe(409);
    expect(stale.conflict).toMatchObject({ version: version + 1, body: docOf('Text from the first tab.') });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).bodyText).toBe('Text from the first tab.');
  });

  it('of two simultaneous saves from one version exactly one wins', async () => {
    const { id, version } = await newDraft();
    const results = await Promise.all([save(people.andrew, id, version, 'One.'), save(people.editor, id, version, 'Two.')]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.status === 409)).toHaveLength(1);
  });

  it('autosaves by one person coalesce into one revision; a checkpoint starts a new one', async () => {
    const { id, version } = await newDraft();
    let v = version;
    for (const text of ['A', 'A b', 'A b c']) {
      const saved = await save(people.andrew, id, v, text);
      if (!saved.ok) throw new Error(saved.error);
      v = saved.data.version;
    }
    let numbers = (await db.articleRevision.findMany({ where: { articleId: id }, orderBy: { number: 'asc' } })).map((revision) => [revision.number, revision.bodyText]);
    expect(numbers).toEqual([
      [1, ''],
      [2, 'A b c'],
    ]);
    const checkpoint = await save(people.andrew, id, v, 'A b c d', { checkpoint: true });
    expect(checkpoint.ok).toBe(true);
    // Another person's autosave does not extend Andrew's revision.
    const byEditor = await save(people.editor, id, v + 1, 'A b c d e');
    expect(byEditor.ok).toBe(true);
    numbers = (await db.articleRevision.findMany({ where: { articleId: id }, orderBy: { number: 'asc' } })).map((revision) => [revision.number, revision.bodyText]);
    expect(numbers).toEqual([
      [1, ''],
      [2, 'A b c'],
      [3, 'A b c d'],
      [4, 'A b c d e'],
    ]);
  });

  it('a save that changes nothing writes nothing', async () => {
    const { id, version } = await newDraft();
    const first = await save(people.andrew, id, version, 'Same.');
    if (!first.ok) throw new Error(first.error);
    const again = await save(people.andrew, id, first.data.version, 'Same.');
    expect(again).toMatchObject({ ok: true, data: { version: first.data.version, changed: false } });
  });

  it('restoring an old revision makes it the working copy as a new revision', async () => {
    const { id, version } = await newDraft();
    const first = await save(people.andrew, id, version, 'First wording.', { checkpoint: true });
    if (!first.ok) throw new Error(first.error);
    const second = await save(people.andrew, id, first.data.version, 'Second wording.', { checkpoint: true });
    if (!second.ok) throw new Error(second.error);
    const restored = await restoreRevision(people.andrew, id, first.data.revisionNumber, second.data.version);
    expect(restored.ok).toBe(true);
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article.bodyText).toBe('First wording.');
    const list = await listRevisions(people.andrew, id);
    if (!list.ok) throw new Error(list.error);
    expect(list.data.revisions.map((revision) => revision.kind)).toEqual(['RESTORE', 'MANUAL', 'MANUAL', 'MANUAL']);
    const compared = await getRevisions(people.andrew, id, [2, 3]);
    expect(compared.ok && compared.data.map((revision) => revision.bodyText)).toEqual(['First wording.', 'Second wording.']);
  });

  it('bad input gets field messages and never touches the saved copy', async () => {
    const { id, version } = await newDraft();
    await save(people.andrew, id, version, 'Kept.');
    const cases: [Record<string, unknown>, string][] = [
      [{ headline: 'x'.repeat(301) }, 'headline'],
      [{ body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } }, 'body'],
      [{ body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } }, 'body'],
      [{ bylines: [{ membershipId: people.lincolnAdviser.membershipId, guestName: null, title: 'Student Reporter' }] }, 'bylines.0.membershipId'],
      [{ bylines: [{ membershipId: null, guestName: null, title: 'Student Reporter' }] }, 'bylines.0.guestName'],
      [{ bylines: [{ membershipId: null, guestName: 'A Guest', title: 'Overlord' }] }, 'bylines.0.title'],
      [{ sectionId: (await db.section.findFirstOrThrow({ where: { schoolId: people.lincolnAdviser.schoolId } })).id }, 'sectionId'],
      [{ tags: ['ok', ''] }, 'tags.1'],
      [{ expectedVersion: 'two' }, 'expectedVersion'],
    ];
    for (const [override, field] of cases) {
      const result = await save(people.andrew, id, version + 1, 'Overwritten?', override);
      expect(result.ok, field).toBe(false);
      if (result.ok) continue;
      expect(result.status, field).toBe(422);
      expect(Object.keys(result.fieldErrors ?? {}), field).toContain(field);
    }
    expect((await db.article.findUniqueOrThrow({ where: { id } })).bodyText).toBe('Kept.');
  });
});

describe('bylines over time', () => {
  it('a byline already on the story stays when its member leaves: the others’ saves are not refused for it, naming them anew is', async () => {
    const { id, version } = await newDraft();
    const stamp = Date.now().toString(36);
    const user = await db.user.create({ data: { email: `co-author-${stamp}@example.test`, name: 'Former Co-author' } });
    const member = await db.membership.create({ data: { schoolId: people.andrew.schoolId, userId: user.id, role: 'REPORTER', slug: `former-co-author-${stamp}`, displayName: 'Former Co-author' } });
    const both = [
      { membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' },
      { membershipId: member.id, guestName: null, title: 'Student Reporter' },
    ];
    const together = await save(people.andrew, id, version, 'Written together.', { bylines: both });
    if (!together.ok) throw new Error(together.error);
    await db.membership.update({ where: { id: member.id }, data: { status: 'DEACTIVATED' } });

    const kept = await save(people.andrew, id, together.data.version, 'Finished alone.', { bylines: both });
    expect(kept).toMatchObject({ ok: true });
    expect((await db.article.findUniqueOrThrow({ where: { id }, include: { bylines: true } })).bylines.map((byline) => byline.membershipId)).toContain(member.id);
    const other = await newDraft();
    expect(await save(people.andrew, other.id, other.version, 'A new story.', { bylines: both })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { 'bylines.1.membershipId': expect.any(String) },
    });
  });
});

describe('who may save', () => {
  it('a reporter who is not an author gets 403; an editor of the school may edit', async () => {
    const { id, version } = await newDraft(people.andrew);
    const byColleague = await save(people.jordan, id, version, 'Jordan was here.');
    expect(byColleague).toMatchObject({ ok: false, status: 403 });
    const byEditor = await save(people.editor, id, version, 'Copy edited.');
    expect(byEditor.ok).toBe(true);
  });

  it('an adviser of another school gets 404, and the article is unchanged', async () => {
    const { id, version } = await newDraft(people.andrew);
    const foreign = await save(people.lincolnAdviser, id, version, 'From Lincoln.');
    expect(foreign).toMatchObject({ ok: false, status: 404 });
    expect(await listRevisions(people.lincolnAdviser, id)).toMatchObject({ ok: false, status: 404 });
    expect(await restoreRevision(people.lincolnAdviser, id, 1, version)).toMatchObject({ ok: false, status: 404 });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(version);
  });

  it('a section editor may edit only their section', async () => {
    const sections = await db.section.findMany({ where: { schoolId: people.editor.schoolId }, orderBy: { position: 'asc' } });
    const sectionEditor = { ...people.editor, sectionId: sections[0]!.id };
    const { id, version } = await newDraft(people.andrew);
    const moved = await save(people.andrew, id, version, 'Sports copy.', { sectionId: sections[3]!.id });
    if (!moved.ok) throw new Error(moved.error);
    expect(await save(sectionEditor, id, moved.data.version, 'Edited.', { sectionId: sections[3]!.id })).toMatchObject({ ok: false, status: 403 });
  });
});
