// Suggested edits in the data layer: they are read back with who made them, a new one must be its
// writer's own, and approval and publishing wait until none is open.
import { beforeAll, describe, expect, it } from 'vitest';
import { saveDraft } from '../../lib/articles/index.ts';
import { checkArticleDoc } from '../../lib/content/document.ts';
import { openSuggestions, openSuggestionsRefusal } from '../../lib/content/suggestions.ts';
import { platformDb as db } from '../../lib/db.ts';
import { transition } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { seededActors, wordsOf } from '../factories.ts';
import { articleInState } from './fixtures.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

const suggested = (by: { membershipId: string; displayName: string }, id: string) => ({
  type: 'doc' as const,
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Early ', marks: [{ type: 'suggestedInsertion', attrs: { id: `${id}-in`, authorId: by.membershipId, authorName: by.displayName } }] },
        { type: 'text', text: 'Monday practice ran ' },
        { type: 'text', text: 'late.', marks: [{ type: 'suggestedDeletion', attrs: { id: `${id}-out`, authorId: by.membershipId, authorName: by.displayName } }] },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: wordsOf(200) }] },
  ],
});

describe('suggested edits', () => {
  it('fit the article format and are read back in order with who made them', () => {
    const doc = suggested({ membershipId: 'm1', displayName: 'Maya Patel' }, 's1');
    expect(checkArticleDoc(doc).ok).toBe(true);
    expect(openSuggestions(doc)).toEqual([
      { id: 's1-in', kind: 'insertion', authorId: 'm1', authorName: 'Maya Patel', text: 'Early ' },
      { id: 's1-out', kind: 'deletion', authorId: 'm1', authorName: 'Maya Patel', text: 'late.' },
    ]);
    expect(openSuggestionsRefusal(doc)).toBe('2 suggested edits are still open; the author accepts or rejects them first.');
    expect(openSuggestionsRefusal({ type: 'doc', content: [{ type: 'paragraph' }] })).toBeNull();
  });

  it('a new suggestion must be its writer’s own, and approval and publishing wait until none is open', async () => {
    const article = await articleInState(people.andrew, 'SUBMITTED');
    const current = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    const fields = { headline: current.headline, deck: '', sectionId: null, tags: [], bylines: [{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' }] };
    // The editor cannot file a suggestion in the adviser's name.
    const forged = await saveDraft(people.editor, article.id, { ...fields, expectedVersion: current.version, body: suggested(people.adviser, 'forged') });
    expect(forged).toMatchObject({ ok: false, status: 422, error: 'A new suggested edit must be your own.' });
    const own = await saveDraft(people.editor, article.id, { ...fields, expectedVersion: current.version, body: suggested(people.editor, 'own') });
    if (!own.ok) throw new Error(own.error);
    const approve = await transition(people.adviser, article.id, { action: 'approve', expectedVersion: own.data.version });
    expect(approve).toMatchObject({ ok: false, status: 409, error: '2 suggested edits are still open; the author accepts or rejects them first.' });
    // The author may keep another's suggestion in place while settling the rest (it is not new).
    const keptOne = suggested(people.editor, 'own');
    keptOne.content[0]!.content = keptOne.content[0]!.content.slice(0, 2).concat([{ type: 'text', text: 'late.' }]);
    const settled = await saveDraft(people.andrew, article.id, { ...fields, expectedVersion: own.data.version, body: keptOne });
    expect(settled.ok).toBe(true);
  });
});
