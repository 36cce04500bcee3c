import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { actorInSchool } from '../../lib/auth/actor.ts';
import { checkCredentials } from '../../lib/auth/credentials.ts';
import { platformDb as db } from '../../lib/db.ts';
import { decideDeletion, FORMER_MEMBER_NAME, listDeletionRequests, requestDeletion } from '../../lib/people/deletion.ts';
import { buildPortfolio } from '../../lib/people/portfolio.ts';
import { getReporter } from '../../lib/people/public.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { schoolBySlug, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;
const SEED_ARTICLE = 'north-korea-troops-russia-ukraine';

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

describe('portfolio', () => {
  it('is every story the member published in this school, as one file, for members and alumni only', async () => {
    const portfolio = await buildPortfolio(people.andrew.userId, 'canyon-crest');
    if (!portfolio.ok) throw new Error(portfolio.error);
    expect(portfolio.data.articles).toBe(1);
    expect(portfolio.data.fileName).toBe('portfolio-andrew-choi-canyon-crest.html');
    expect(portfolio.data.html).toContain('North Korean Troops Head to Russia, Unsettling Allies and Beijing');
    expect(portfolio.data.html).toContain('<h2>Strategic Risks and Global Repercussions</h2>');
    expect(portfolio.data.html).toContain(`/canyon-crest/articles/${SEED_ARTICLE}`);

    // Jordan has no published story; the file says so rather than borrowing anyone's.
    const jordan = await buildPortfolio(people.jordan.userId, 'canyon-crest');
    expect(jordan.ok && jordan.data.articles).toBe(0);
    expect(jordan.ok && jordan.data.html).not.toContain('North Korean');
    // Another school's member, or a school that does not exist, gets nothing.
    expect(await buildPortfolio(people.lincolnAdviser.userId, 'canyon-crest')).toMatchObject({ ok: false, status: 404 });
    expect(await buildPortfolio(people.andrew.userId, 'no-such-school')).toMatchObject({ ok: false, status: 404 });

    await db.membership.update({ where: { id: people.andrew.membershipId }, data: { status: 'ALUMNI' } });
    expect(await buildPortfolio(people.andrew.userId, 'canyon-crest')).toMatchObject({ ok: true, data: { articles: 1 } });
    await db.membership.update({ where: { id: people.andrew.membershipId }, data: { status: 'DEACTIVATED' } });
    expect(await buildPortfolio(people.andrew.userId, 'canyon-crest')).toMatchObject({ ok: false, status: 404 });
    await db.membership.update({ where: { id: people.andrew.membershipId }, data: { status: 'ACTIVE' } });
  });
});

describe('erasing a member’s personal data', () => {
  it('the member asks, the adviser is told, and only the adviser of that school decides', async () => {
    expect(await requestDeletion(people.jordan, { reason: 'I am leaving the school.' })).toMatchObject({ ok: true });
    expect(await requestDeletion(people.jordan, {})).toMatchObject({ ok: false, status: 409 });
    expect(await db.notification.count({ where: { recipientId: people.adviser.membershipId, kind: 'deletion-request' } })).toBe(1);
    const listed = await listDeletionRequests(people.adviser);
    expect(listed).toMatchObject({ ok: true, data: [{ name: 'Jordan Reyes', reason: 'I am leaving the school.' }] });
    const requestId = listed.ok ? listed.data[0]!.id : '';
    expect(await listDeletionRequests(people.editor)).toMatchObject({ ok: false, status: 403 });
    expect(await decideDeletion(people.editor, requestId, { erase: true })).toMatchObject({ ok: false, status: 403 });
    expect(await decideDeletion(people.lincolnAdviser, requestId, { erase: true })).toMatchObject({ ok: false, status: 404 });
    expect(await decideDeletion(people.adviser, requestId, { erase: false, decision: '' })).toMatchObject({ ok: false, status: 422, fieldErrors: { decision: expect.any(String) } });

    expect(await decideDeletion(people.adviser, requestId, { erase: true })).toEqual({ ok: true, data: { erased: true } });
    expect(await decideDeletion(people.adviser, requestId, { erase: true })).toMatchObject({ ok: false, status: 404 });
    const member = await db.membership.findUniqueOrThrow({ where: { id: people.jordan.membershipId }, include: { user: true } });
    expect(member).toMatchObject({ displayName: FORMER_MEMBER_NAME, bio: null, classYear: null, contactEmail: null, status: 'DEACTIVATED' });
    // Jordan belonged to no other school, so the account is gone as well: no address, no password.
    expect(member.user.email).toMatch(/@erased\.invalid$/);
    expect(member.user.passwordHash).toBeNull();
    expect(await checkCredentials({ email: 'jordan.reyes@canyoncrest.example', password: 'masthead-demo' })).toMatchObject({ ok: false });
    const school = await schoolBySlug('canyon-crest');
    expect(await getReporter(school, 'jordan-reyes')).toBeNull();
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'ERASED', decidedById: people.adviser.membershipId });
  });

  it('published stories stay, credited to a former staff member; a member of another school keeps that account', async () => {
    const lincoln = await schoolBySlug('lincoln-high');
    await db.membership.create({ data: { schoolId: lincoln.id, userId: people.andrew.userId, role: 'REPORTER', slug: 'andrew-choi', displayName: 'Andrew Choi' } });
    expect(await requestDeletion(people.andrew, {})).toMatchObject({ ok: true });
    const listed = await listDeletionRequests(people.adviser);
    const requestId = listed.ok ? listed.data.find((request) => request.membershipId === people.andrew.membershipId)!.id : '';
    expect(await decideDeletion(people.adviser, requestId, { erase: true })).toMatchObject({ ok: true });

    const article = await getPublishedArticle(await schoolBySlug('canyon-crest'), SEED_ARTICLE);
    expect(article!.revision.headline).toBe('North Korean Troops Head to Russia, Unsettling Allies and Beijing');
    expect(article!.bylines[0]).toMatchObject({ name: FORMER_MEMBER_NAME, bio: null, contactEmail: null });
    expect(JSON.stringify(article)).not.toContain('Andrew');
    expect(await actorInSchool(people.andrew.userId, await schoolBySlug('canyon-crest'))).toBeNull();
    // Still Lincoln's reporter, signing in with the same address and password.
    expect(await actorInSchool(people.andrew.userId, lincoln)).toMatchObject({ displayName: 'Andrew Choi' });
    expect(await checkCredentials({ email: 'andrew.choi@canyoncrest.example', password: 'masthead-demo' })).toMatchObject({ ok: true });
  });

  it('a declined request is recorded with its reason and changes nothing else', async () => {
    expect(await requestDeletion(people.editor, { reason: 'Please.' })).toMatchObject({ ok: true });
    const listed = await listDeletionRequests(people.adviser);
    const request = listed.ok ? listed.data.find((entry) => entry.membershipId === people.editor.membershipId)! : null;
    expect(await decideDeletion(people.adviser, request!.id, { erase: false, decision: 'The paper keeps its editor-in-chief on record until June.' })).toEqual({ ok: true, data: { erased: false } });
    expect(await db.deletionRequest.findUniqueOrThrow({ where: { id: request!.id } })).toMatchObject({ status: 'DECLINED', decision: 'The paper keeps its editor-in-chief on record until June.' });
    expect(await db.membership.findUniqueOrThrow({ where: { id: people.editor.membershipId } })).toMatchObject({ displayName: 'Maya Patel', status: 'ACTIVE' });
  });
});
