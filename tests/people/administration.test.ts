import { beforeAll, describe, expect, it } from 'vitest';
import { actorInSchool } from '../../lib/auth/actor.ts';
import { checkCredentials } from '../../lib/auth/credentials.ts';
import { platformDb as db } from '../../lib/db.ts';
import { schoolAuditLog } from '../../lib/audit/index.ts';
import { acceptInvitation, changeRole, deactivateMember, describeInvitation, inviteMember, listMembers, reactivateMember, revokeInvitation } from '../../lib/people/members.ts';
import { getReporter, getStaffBox } from '../../lib/people/public.ts';
import { nextSchoolYear, rollOverSchoolYear } from '../../lib/people/rollover.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { getSchoolSettings, updateSchoolSettings, type SchoolSettingsInput } from '../../lib/tenants/settings.ts';
import { createSchool } from '../../lib/tenants/create-school.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { schoolBySlug, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;

beforeAll(async () => {
  await seedDemo();
  people = await seededActors();
});

const tokenOf = (link: string) => link.split('/invitations/')[1]!;

describe('invitations', () => {
  it('the adviser invites by e-mail with a role; the link makes an account and a membership once', async () => {
    const invited = await inviteMember(people.adviser, { email: 'New.Reporter@Example.edu', role: 'REPORTER' });
    expect(invited).toMatchObject({ ok: true, data: { link: expect.stringContaining('/invitations/') } });
    if (!invited.ok) return;
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: 'new.reporter@example.edu' } });
    expect(mail.text).toContain(invited.data.link);
    expect(await describeInvitation(tokenOf(invited.data.link))).toMatchObject({ email: 'new.reporter@example.edu', role: 'REPORTER', hasAccount: false });

    expect(await acceptInvitation({ token: tokenOf(invited.data.link), name: 'Sam Ortiz', password: 'short' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { password: 'Use at least 10 characters.' },
    });
    expect(await acceptInvitation({ token: tokenOf(invited.data.link), password: 'a fine long passphrase' })).toMatchObject({ ok: false, status: 422, fieldErrors: { name: expect.any(String) } });
    const accepted = await acceptInvitation({ token: tokenOf(invited.data.link), name: 'Sam Ortiz', password: 'a fine long passphrase' });
    expect(accepted).toEqual({ ok: true, data: { schoolSlug: 'canyon-crest', email: 'new.reporter@example.edu' } });
    expect(await acceptInvitation({ token: tokenOf(invited.data.link), name: 'Sam Ortiz', password: 'a fine long passphrase' })).toMatchObject({ ok: false, status: 404 });

    const signedIn = await checkCredentials({ email: 'new.reporter@example.edu', password: 'a fine long passphrase' });
    expect(signedIn).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'new.reporter@example.edu' } });
    expect(await actorInSchool(user.id, await schoolBySlug('canyon-crest'))).toMatchObject({ role: 'REPORTER', displayName: 'Sam Ortiz' });
    expect(await actorInSchool(user.id, await schoolBySlug('lincoln-high'))).toBeNull();
  });

  it('someone with an account joins a second school with their own password, under another role there', async () => {
    const invited = await inviteMember(people.lincolnAdviser, { email: 'andrew.choi@canyoncrest.example', role: 'EDITOR', sendEmail: false });
    if (!invited.ok) throw new Error(invited.error);
    expect(await describeInvitation(tokenOf(invited.data.link))).toMatchObject({ hasAccount: true, newspaperName: expect.any(String) });
    expect(await acceptInvitation({ token: tokenOf(invited.data.link), password: 'not the password' })).toMatchObject({ ok: false, status: 422, fieldErrors: { password: expect.any(String) } });
    expect(await acceptInvitation({ token: tokenOf(invited.data.link), password: 'masthead-demo' })).toMatchObject({ ok: true, data: { schoolSlug: 'lincoln-high' } });
    const lincoln = await schoolBySlug('lincoln-high');
    expect(await actorInSchool(people.andrew.userId, lincoln)).toMatchObject({ role: 'EDITOR' });
    expect(await actorInSchool(people.andrew.userId, await schoolBySlug('canyon-crest'))).toMatchObject({ role: 'REPORTER' });
  });

  it('only advisers and admins invite, nobody invites above their own role, and a member already on staff is not invited again', async () => {
    expect(await inviteMember(people.editor, { email: 'x@example.edu', role: 'REPORTER' })).toMatchObject({ ok: false, status: 403 });
    expect(await inviteMember(people.adviser, { email: 'x@example.edu', role: 'SCHOOL_ADMIN' })).toMatchObject({ ok: false, status: 403, fieldErrors: { role: expect.any(String) } });
    expect(await inviteMember(people.adviser, { email: 'not an address', role: 'ROOT' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { email: expect.any(String), role: expect.any(String) },
    });
    expect(await inviteMember(people.adviser, { email: 'jordan.reyes@canyoncrest.example', role: 'EDITOR' })).toMatchObject({ ok: false, status: 409 });
  });

  it('a withdrawn or expired invitation no longer opens anything', async () => {
    const revoked = await inviteMember(people.adviser, { email: 'gone@example.edu', role: 'REPORTER', sendEmail: false });
    const expired = await inviteMember(people.adviser, { email: 'late@example.edu', role: 'REPORTER', sendEmail: false });
    if (!revoked.ok || !expired.ok) throw new Error('invitations failed');
    expect(await revokeInvitation(people.lincolnAdviser, revoked.data.id)).toMatchObject({ ok: false, status: 404 });
    expect(await revokeInvitation(people.adviser, revoked.data.id)).toEqual({ ok: true, data: true });
    await db.invitation.update({ where: { id: expired.data.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const link of [revoked.data.link, expired.data.link]) {
      expect(await describeInvitation(tokenOf(link))).toBeNull();
      expect(await acceptInvitation({ token: tokenOf(link), name: 'Nobody Here', password: 'a fine long passphrase' })).toMatchObject({ ok: false, status: 404 });
    }
  });
});

describe('roles and deactivation', () => {
  it('the adviser promotes a reporter to editor, and deactivating takes the newsroom away at once while the bylines stay', async () => {
    expect(await changeRole(people.adviser, people.jordan.membershipId, { role: 'EDITOR' })).toEqual({ ok: true, data: { role: 'EDITOR' } });
    expect(await actorInSchool(people.jordan.userId, await schoolBySlug('canyon-crest'))).toMatchObject({ role: 'EDITOR' });
    expect(await deactivateMember(people.adviser, people.jordan.membershipId)).toEqual({ ok: true, data: true });
    expect(await actorInSchool(people.jordan.userId, await schoolBySlug('canyon-crest'))).toBeNull();
    const members = await listMembers(people.adviser);
    expect(members.ok && members.data.members.find((member) => member.id === people.jordan.membershipId)).toMatchObject({ status: 'DEACTIVATED', email: 'jordan.reyes@canyoncrest.example' });
    expect(await reactivateMember(people.adviser, people.jordan.membershipId)).toEqual({ ok: true, data: true });
    expect(await reactivateMember(people.adviser, people.jordan.membershipId)).toMatchObject({ ok: false, status: 404 });
    expect(await changeRole(people.adviser, people.jordan.membershipId, { role: 'REPORTER' })).toMatchObject({ ok: true });
    // Each decision is in the school's audit log, newest first, with who took it.
    const log = await schoolAuditLog(people.adviser);
    expect(log.ok && log.data.slice(0, 4).map((event) => `${event.by}: ${event.detail}`)).toEqual([
      'Elena Park: Jordan Reyes is now a reporter (was a student editor).',
      'Elena Park: Jordan Reyes was reactivated.',
      'Elena Park: Jordan Reyes was deactivated: their access ended, their bylines stay.',
      'Elena Park: Jordan Reyes is now a student editor (was a reporter).',
    ]);
  });

  it('nobody changes their own role, acts on someone above them or another school, or leaves the paper without an adviser', async () => {
    expect(await changeRole(people.adviser, people.adviser.membershipId, { role: 'REPORTER' })).toMatchObject({ ok: false, status: 409 });
    expect(await deactivateMember(people.adviser, people.adviser.membershipId)).toMatchObject({ ok: false, status: 409 });
    expect(await changeRole(people.editor, people.andrew.membershipId, { role: 'EDITOR' })).toMatchObject({ ok: false, status: 403 });
    expect(await changeRole(people.lincolnAdviser, people.andrew.membershipId, { role: 'EDITOR' })).toMatchObject({ ok: false, status: 404 });
    expect(await deactivateMember(people.lincolnAdviser, people.andrew.membershipId)).toMatchObject({ ok: false, status: 404 });
    expect(await changeRole(people.adviser, people.andrew.membershipId, { role: 'OWNER' })).toMatchObject({ ok: false, status: 422, fieldErrors: { role: expect.any(String) } });
    // A second adviser may not demote the only other one away: there must always be one left.
    const school = await schoolBySlug('canyon-crest');
    await db.membership.update({ where: { id: people.editor.membershipId }, data: { role: 'ADVISER' } });
    const secondAdviser = (await actorInSchool(people.editor.userId, school))!;
    expect(await changeRole(secondAdviser, people.adviser.membershipId, { role: 'REPORTER' })).toMatchObject({ ok: true });
    const demoted = (await actorInSchool(people.adviser.userId, school))!;
    expect(await changeRole(secondAdviser, secondAdviser.membershipId, { role: 'REPORTER' })).toMatchObject({ ok: false, status: 409 });
    expect(await deactivateMember(secondAdviser, demoted.membershipId)).toMatchObject({ ok: true });
    await db.membership.update({ where: { id: people.adviser.membershipId }, data: { role: 'ADVISER', status: 'ACTIVE' } });
    await db.membership.update({ where: { id: people.editor.membershipId }, data: { role: 'EDITOR' } });
  });
});

describe('school settings', () => {
  const settings: SchoolSettingsInput = {
    reviewPolicy: 'ADVISER_APPROVAL',
    reviewChain: ['SECTION_EDITOR', 'ADVISER'],
    studentsMayPublish: false,
    nameDisplayPolicy: 'FIRST_NAME_LAST_INITIAL',
    allowContactEmails: true,
    minimumWords: 200,
    maxHeadlineLength: 90,
    checklist: { headlineLength: true, minimumWords: true, byline: true, imageDetails: false },
    signInDomains: ['canyoncrest.example'],
  };

  it('the adviser sets the policy; readers see names under the new name policy at once', async () => {
    const school = await schoolBySlug('canyon-crest');
    const article = await db.article.findFirstOrThrow({ where: { schoolId: school.id, publishedRevisionId: { not: null } }, select: { slug: true } });
    const before = await getPublishedArticle(school, article.slug);
    expect(before!.bylines[0]!.name).toMatch(/^\S+ \S{2,}/);

    expect(await updateSchoolSettings(people.editor, settings)).toMatchObject({ ok: false, status: 403 });
    expect(await updateSchoolSettings(people.adviser, { ...settings, reviewChain: ['ADVISER', 'ADVISER'], minimumWords: -1, maxHeadlineLength: 5 })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { reviewChain: expect.any(String), minimumWords: expect.any(String), maxHeadlineLength: expect.any(String) },
    });
    expect(await updateSchoolSettings(people.adviser, settings)).toEqual({ ok: true, data: true });
    expect(await getSchoolSettings(people.adviser)).toMatchObject({ ok: true, data: settings });

    const after = await getPublishedArticle(await schoolBySlug('canyon-crest'), article.slug);
    expect(after!.bylines[0]!.name).toMatch(/^\S+ [A-Z]\.$/);
    // Nor does the full name survive in the member's own bio line under the byline.
    const fullName = before!.bylines[0]!.name;
    expect(before!.bylines[0]!.bio).toContain(fullName);
    expect(after!.bylines[0]!.bio).toContain(after!.bylines[0]!.name);
    expect(after!.bylines[0]!.bio).not.toContain(fullName.split(' ').at(-1));
    await updateSchoolSettings(people.adviser, { ...settings, nameDisplayPolicy: 'FULL_NAME' });
  });
});

describe('school-year rollover', () => {
  it('archives the staff box, makes seniors alumni whose pages still work, and moves everyone else up a class', async () => {
    const school = await schoolBySlug('canyon-crest');
    const year = school.currentSchoolYear;
    await db.membership.update({ where: { id: people.andrew.membershipId }, data: { classYear: 'Senior' } });
    await db.membership.update({ where: { id: people.jordan.membershipId }, data: { classYear: 'Freshman', status: 'ACTIVE' } });

    const seniors = await db.membership.count({ where: { schoolId: school.id, status: 'ACTIVE', classYear: 'Senior' } });
    expect(seniors).toBeGreaterThanOrEqual(1);
    expect(await rollOverSchoolYear(people.editor, { fromYear: year })).toMatchObject({ ok: false, status: 403 });
    expect(await rollOverSchoolYear(people.adviser, { fromYear: '1999-00' })).toMatchObject({ ok: false, status: 409 });
    const rolled = await rollOverSchoolYear(people.adviser, { fromYear: year });
    expect(rolled).toMatchObject({ ok: true, data: { archivedYear: year, schoolYear: nextSchoolYear(year), graduated: seniors } });
    expect(await rollOverSchoolYear(people.adviser, { fromYear: year })).toMatchObject({ ok: false, status: 409 });

    const after = await schoolBySlug('canyon-crest');
    expect(after.currentSchoolYear).toBe(nextSchoolYear(year));
    expect((await db.membership.findUniqueOrThrow({ where: { id: people.jordan.membershipId } })).classYear).toBe('Sophomore');
    expect(await actorInSchool(people.andrew.userId, after)).toBeNull();
    const andrew = await db.membership.findUniqueOrThrow({ where: { id: people.andrew.membershipId } });
    expect(await getReporter(after, andrew.slug)).toMatchObject({ alumni: true });

    const archived = await getStaffBox(after, year);
    expect(archived.year).toBe(year);
    expect(archived.staff.map((entry) => entry.slug)).toContain(andrew.slug);
    const current = await getStaffBox(after);
    expect(current.staff.map((entry) => entry.slug)).not.toContain(andrew.slug);
    expect(current.years).toEqual([nextSchoolYear(year), year]);
  });
});

describe('a new school', () => {
  it('a platform admin creates it and invites its first adviser, who then runs it; nobody else can create one', async () => {
    const input = { slug: 'westview', name: 'Westview High School', newspaperName: 'The Westview Wire', host: 'News.Westview.EDU', adviserEmail: 'adviser@westview.example' };
    expect(await createSchool(people.adviser.userId, input)).toMatchObject({ ok: false, status: 404 });
    await db.user.update({ where: { id: people.lincolnAdviser.userId }, data: { isPlatformAdmin: true } });
    expect(await createSchool(people.lincolnAdviser.userId, { ...input, slug: 'api', host: 'not a host' })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { slug: expect.any(String), host: expect.any(String) },
    });
    expect(await createSchool(people.lincolnAdviser.userId, { ...input, slug: 'canyon-crest' })).toMatchObject({ ok: false, status: 409, fieldErrors: { slug: expect.any(String) } });
    const created = await createSchool(people.lincolnAdviser.userId, input);
    if (!created.ok) throw new Error(created.error);
    const school = await schoolBySlug('westview');
    expect(await db.section.count({ where: { schoolId: school.id } })).toBe(5);
    expect(await db.schoolDomain.findUnique({ where: { host: 'news.westview.edu' } })).toMatchObject({ schoolId: school.id });
    expect(await acceptInvitation({ token: tokenOf(created.data.invitation.link), name: 'Dana Whitfield', password: 'westview wire adviser' })).toMatchObject({
      ok: true,
      data: { schoolSlug: 'westview' },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'adviser@westview.example' } });
    const adviser = (await actorInSchool(user.id, school))!;
    expect(adviser.role).toBe('ADVISER');
    expect(await inviteMember(adviser, { email: 'first.reporter@westview.example', role: 'REPORTER', sendEmail: false })).toMatchObject({ ok: true });
  });
});
