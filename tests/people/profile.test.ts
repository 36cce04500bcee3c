import { beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../lib/articles/index.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { platformDb as db } from '../../lib/db.ts';
import { getOwnProfile, updateOwnProfile } from '../../lib/people/profile.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { schoolBySlug, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

const profile = { displayName: 'Jordan Reyes', classYear: 'Junior', bio: '', contactEmail: 'jordan@example.edu', showContactEmail: false };

/** Publishes a one-byline article by the member directly in the table (the workflow issue owns publishing). */
async function publishedBy(membershipId: string, slug: string) {
  const school = await schoolBySlug('canyon-crest');
  const created = await createDraft(people.jordan, { headline: 'Jazz Band Wins', bylines: [{ membershipId, guestName: null, title: 'Staff Writer' }] });
  if (!created.ok) throw new Error(created.error);
  const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId: created.data.id } });
  await db.article.update({ where: { id: created.data.id }, data: { slug, status: 'PUBLISHED', publishedRevisionId: revision.id, publishedAt: new Date() } });
  return getPublishedArticle(school, slug);
}

describe('member profiles and the byline block', () => {
  it('a new contact e-mail is hidden unless the member opts in, and the bio line comes from the class year', async () => {
    const saved = await updateOwnProfile(people.jordan, profile);
    expect(saved).toMatchObject({ ok: true, data: { showContactEmail: false, bio: null, classYear: 'Junior' } });
    const hidden = await publishedBy(people.jordan.membershipId, 'jazz-band-wins');
    expect(hidden!.bylines).toEqual([
      { title: 'Staff Writer', name: 'Jordan Reyes', profileSlug: 'jordan-reyes', bio: 'Jordan Reyes is a Junior student in Canyon Crest Academy', contactEmail: null },
    ]);

    await updateOwnProfile(people.jordan, { ...profile, showContactEmail: true });
    const shown = await getPublishedArticle(await schoolBySlug('canyon-crest'), 'jazz-band-wins');
    expect(shown!.bylines[0]!.contactEmail).toBe('jordan@example.edu');
  });

  it('the e-mail stays hidden when the school does not allow contact e-mails, whatever the member chose', async () => {
    const school = await schoolBySlug('canyon-crest');
    // As the school settings do, the change moves the content version on (reader caches follow it).
    await db.school.update({ where: { id: school.id }, data: { allowContactEmails: false, contentVersion: { increment: 1 } } });
    await updateOwnProfile(people.jordan, { ...profile, showContactEmail: true });
    const article = await getPublishedArticle(await schoolBySlug('canyon-crest'), 'jazz-band-wins');
    expect(article!.bylines[0]!.contactEmail).toBeNull();
    await db.school.update({ where: { id: school.id }, data: { allowContactEmails: true, contentVersion: { increment: 1 } } });
  });

  it('bad profile input gets field messages and changes nothing', async () => {
    const before = await getOwnProfile(people.jordan);
    const result = await updateOwnProfile(people.jordan, { displayName: 'J', classYear: 'Graduate student', bio: 'x'.repeat(301), contactEmail: 'not-an-email', showContactEmail: 'yes' });
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors!).sort()).toEqual(['bio', 'classYear', 'contactEmail', 'displayName', 'showContactEmail']);
    expect(await getOwnProfile(people.jordan)).toEqual(before);
  });

  it('a member changes only their own profile, in the school they act in', async () => {
    await updateOwnProfile(people.lincolnAdviser, { displayName: 'Samuel Okafor', classYear: '', bio: 'Adviser since 2010.', contactEmail: '', showContactEmail: false });
    const jordan = await getOwnProfile(people.jordan);
    expect(jordan.bio).not.toBe('Adviser since 2010.');
  });
});
