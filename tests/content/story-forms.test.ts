import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../lib/articles/content-hash.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { saveDraft } from '../../lib/articles/index.ts';
import { checkArticleDoc, docToPlainText, type ArticleDoc } from '../../lib/content/document.ts';
import { draftFingerprint } from '../../components/editor/draft-key.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { partsAtSubheads, storyFormOf } from '../../lib/content/story-forms.ts';
import { platformDb as db } from '../../lib/db.ts';
import { getSchoolBySlug } from '../../lib/tenants/index.ts';
import { transition } from '../../lib/workflow/index.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { publishedStory, seededActors, wordsOf } from '../factories.ts';

const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const proCon = (form?: string) => ({
  type: 'doc',
  ...(form ? { attrs: { form } } : {}),
  content: [paragraph('Should the school start later?'), heading('Pro: sleep'), paragraph('Teens need it.'), heading('Con: buses'), paragraph('The routes clash.')],
});

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

describe('story forms', () => {
  it('ride on the document: a chosen form is kept, the standard one stored as documents were before, an unknown one refused', () => {
    expect(checkArticleDoc(proCon('side-by-side'))).toMatchObject({ ok: true, doc: { attrs: { form: 'side-by-side' } } });
    const standard = checkArticleDoc(proCon('standard'));
    expect(standard.ok && standard.doc).toEqual(checkArticleDoc(proCon()).ok && (checkArticleDoc(proCon()) as { doc: unknown }).doc);
    expect(standard.ok && 'attrs' in standard.doc).toBe(false);
    expect(checkArticleDoc(proCon('poster'))).toEqual({ ok: false, error: "A story's form is one of: Standard, Long-form, Side by side (pro/con), Photo essay, Brief." });
    expect(storyFormOf(proCon('photo-essay'))).toBe('photo-essay');
    expect(storyFormOf(proCon())).toBe('standard');
  });

  it('change the layout only: the same text, words and HTML; but the approval covers the choice', () => {
    const content = (body: unknown) => ({ headline: 'Later start?', deck: '', sectionId: null, tags: [], body });
    expect(contentHash(content(proCon('standard')))).toBe(contentHash(content(proCon())));
    expect(contentHash(content(proCon('side-by-side')))).not.toBe(contentHash(content(proCon())));
    // The editor's fingerprint of a save, which recognises the tab's own save reported back by the
    // server: the editor names the standard form, the server stores none.
    const draft = (body: unknown) => ({ headline: 'x', deck: '', sectionId: null, tags: [], featuredImage: null, bylines: [], body: body as ArticleDoc });
    expect(draftFingerprint(draft(proCon('standard')))).toBe(draftFingerprint(draft(proCon())));
    expect(draftFingerprint(draft(proCon('brief')))).not.toBe(draftFingerprint(draft(proCon())));
    expect(docToPlainText(proCon('long-form'))).toBe(docToPlainText(proCon()));
    expect(renderArticleHtml(proCon('brief'))).toBe(renderArticleHtml(proCon()));
    expect(partsAtSubheads(proCon('side-by-side'))).toEqual({
      intro: [paragraph('Should the school start later?')],
      parts: [
        [heading('Pro: sleep'), paragraph('Teens need it.')],
        [heading('Con: buses'), paragraph('The routes clash.')],
      ],
    });
  });

  it('reach readers with the published revision, and a change of form after approval voids it', async () => {
    const story = await publishedStory(people.andrew, people.adviser, `Later start: pro and con ${Date.now().toString(36)}`, 'Two views.', ['Intro.']);
    const school = (await getSchoolBySlug('canyon-crest'))!;
    expect(storyFormOf((await getPublishedArticle(school, story.slug))!.revision.body)).toBe('standard');

    const body = { ...proCon('side-by-side'), content: [...proCon().content, paragraph(wordsOf(160))] };
    const bylines = [{ membershipId: people.andrew.membershipId, guestName: null, title: 'Student Reporter' as const }];
    const saved = await saveDraft(people.andrew, story.id, {
      expectedVersion: story.version,
      headline: story.headline,
      deck: 'Two views.',
      sectionId: null,
      tags: [],
      bylines,
      body,
      checkpoint: true,
    });
    if (!saved.ok) throw new Error(saved.error);
    let version = saved.data.version;
    for (const [actor, action] of [
      [people.andrew, 'submit'],
      [people.adviser, 'approve'],
    ] as const) {
      const moved = await transition(actor, story.id, { action, expectedVersion: version });
      if (!moved.ok) throw new Error(moved.error);
      version = moved.data.version;
    }
    // Changing only the form after the approval is an edit: the approval no longer holds.
    const reformed = await saveDraft(people.andrew, story.id, {
      expectedVersion: version,
      headline: story.headline,
      deck: 'Two views.',
      sectionId: null,
      tags: [],
      bylines,
      body: { ...body, attrs: { form: 'brief' } },
    });
    if (!reformed.ok) throw new Error(reformed.error);
    expect(await db.article.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ approvedRevisionId: null, status: 'SUBMITTED' });
    const back = await saveDraft(people.andrew, story.id, { expectedVersion: reformed.data.version, headline: story.headline, deck: 'Two views.', sectionId: null, tags: [], bylines, body });
    if (!back.ok) throw new Error(back.error);
    version = back.data.version;
    for (const [actor, action] of [
      [people.adviser, 'approve'],
      [people.adviser, 'publish'],
    ] as const) {
      const moved = await transition(actor, story.id, { action, expectedVersion: version });
      if (!moved.ok) throw new Error(moved.error);
      version = moved.data.version;
    }
    const published = (await getPublishedArticle((await getSchoolBySlug('canyon-crest'))!, story.slug))!;
    expect(storyFormOf(published.revision.body)).toBe('side-by-side');
  });
});
