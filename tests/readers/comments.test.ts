// Readers' comments: off until the school turns them on, held until the writer confirms their
// address and an editor approves; rejections and blocks keep a reason; a blocked address cannot
// post again; a report puts an approved comment back before the editors; an approval is what
// readers see (and retires cached pages); no school sees another's comments.
import { beforeAll, describe, expect, it } from 'vitest';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { platformDb as db } from '../../lib/db.ts';
import { confirmReaderComment, moderateComment, moderationQueue, reportComment, setStoryComments, submitReaderComment } from '../../lib/reader-comments/comments.ts';
import { commenterName } from '../../lib/reader-comments/policy.ts';
import { updateCommentSettings } from '../../lib/reader-comments/settings.ts';
import { findSchoolBySlug } from '../../lib/tenants/schools.ts';
import { publishedStory, seededActors } from '../factories.ts';

let people: Awaited<ReturnType<typeof seededActors>>;
let storySlug: string;
let storyId: string;
const school = async () => (await findSchoolBySlug('canyon-crest'))!;

const tokenFor = async (email: string) => {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: { startsWith: 'Confirm your comment' } }, orderBy: { createdAt: 'desc' } });
  return /token=([\w-]+)/.exec(mail.text)![1]!;
};

async function writeAndConfirm(email: string, body: string, name = 'Casey Morgan') {
  const written = await submitReaderComment(await school(), { story: storySlug, name, email, body });
  expect(written.ok, written.ok ? '' : written.error).toBe(true);
  const confirmed = await confirmReaderComment(await school(), await tokenFor(email));
  expect(confirmed.ok).toBe(true);
  return db.readerComment.findFirstOrThrow({ where: { email, body } });
}

beforeAll(async () => {
  const { seedDemo } = await import('../../prisma/seed.ts');
  await seedDemo();
  people = await seededActors();
  const story = await publishedStory(people.andrew, people.adviser, 'Lunch Lines Get Shorter', 'A new register.', ['The cafeteria added a register.']);
  storySlug = story.slug;
  storyId = story.id;
});

describe('reader comments', () => {
  it('are refused while the school has them off, and only the adviser turns them on', async () => {
    const refused = await submitReaderComment(await school(), { story: storySlug, name: 'Casey Morgan', email: 'casey@example.com', body: 'Great story!' });
    expect(refused).toMatchObject({ ok: false, status: 403, error: 'Comments are closed on this story.' });
    expect(await updateCommentSettings(people.editor, { commentsEnabled: true, commenterNamePolicy: 'FULL_NAME' })).toMatchObject({ ok: false, status: 403 });
    expect(await updateCommentSettings(people.adviser, { commentsEnabled: true, commenterNamePolicy: 'FULL_NAME' })).toEqual({ ok: true, data: true });
  });

  it('follow the school’s name policy', () => {
    expect(commenterName('FULL_NAME', 'Casey')).toMatchObject({ ok: false });
    expect(commenterName('FULL_NAME', '  Casey   Morgan ')).toEqual({ ok: true, name: 'Casey Morgan' });
    expect(commenterName('FIRST_NAME_LAST_INITIAL', 'Casey Morgan')).toMatchObject({ ok: false });
    expect(commenterName('FIRST_NAME_LAST_INITIAL', 'casey m')).toEqual({ ok: true, name: 'casey M.' });
    expect(commenterName('ANY_NAME', 'visit www.spam.example')).toMatchObject({ ok: false });
  });

  it('stay invisible until confirmed and approved; approval shows them to readers', async () => {
    const written = await submitReaderComment(await school(), { story: storySlug, name: 'Casey', email: 'casey@example.com', body: 'Great story!' });
    expect(written).toMatchObject({ ok: false, status: 422, fieldErrors: { name: 'Sign with your first and last name.' } });
    const comment = await writeAndConfirm('casey@example.com', 'The new register really helps.');
    expect(comment.status).toBe('PENDING');
    // The story's reporter and the editors are told.
    const told = await db.notification.findMany({ where: { kind: 'reader-comment', articleId: storyId }, select: { recipientId: true } });
    expect(told.map((row) => row.recipientId)).toEqual(expect.arrayContaining([people.andrew.membershipId, people.editor.membershipId, people.adviser.membershipId]));
    expect((await getPublishedArticle(await school(), storySlug))!.readerComments).toEqual([]);
    // A reporter may not moderate; another school's editor cannot find it.
    expect(await moderateComment(people.andrew, comment.id, { decision: 'APPROVE', reason: '' })).toMatchObject({ ok: false, status: 403 });
    expect(await moderateComment(people.lincolnAdviser, comment.id, { decision: 'APPROVE', reason: '' })).toMatchObject({ ok: false, status: 404 });
    const before = (await school()).contentVersion;
    expect(await moderateComment(people.editor, comment.id, { decision: 'APPROVE', reason: '' })).toEqual({ ok: true, data: { status: 'APPROVED' } });
    expect((await school()).contentVersion).toBeGreaterThan(before);
    const shown = (await getPublishedArticle(await school(), storySlug))!.readerComments;
    expect(shown.map((row) => [row.authorName, row.body])).toEqual([['Casey Morgan', 'The new register really helps.']]);
    // What readers get has no address in it.
    expect(JSON.stringify(shown)).not.toContain('casey@example.com');
  });

  it('an unconfirmed comment never reaches the editors, and a link confirms once', async () => {
    await submitReaderComment(await school(), { story: storySlug, name: 'Robin Lee', email: 'robin@example.com', body: 'Unconfirmed words.' });
    const queue = await moderationQueue(people.editor);
    expect(queue.ok && queue.data.waiting.map((row) => row.body)).not.toContain('Unconfirmed words.');
    const token = await tokenFor('robin@example.com');
    expect((await confirmReaderComment(await school(), token)).ok).toBe(true);
    expect(await confirmReaderComment(await school(), token)).toMatchObject({ ok: false, status: 404 });
  });

  it('a rejection needs a reason; a block rejects the address’s comments and keeps it from posting again', async () => {
    const troll = await writeAndConfirm('troll@example.com', 'Something cruel about a student.', 'Tom Troll');
    expect(await moderateComment(people.editor, troll.id, { decision: 'REJECT', reason: '' })).toMatchObject({ ok: false, status: 422, fieldErrors: { reason: expect.any(String) } });
    const second = await writeAndConfirm('troll@example.com', 'More of the same.', 'Tom Troll');
    expect(await moderateComment(people.editor, troll.id, { decision: 'BLOCK', reason: 'Names and mocks a student.' })).toEqual({ ok: true, data: { status: 'REJECTED' } });
    const rows = await db.readerComment.findMany({ where: { email: 'troll@example.com' }, select: { id: true, status: true, reason: true, moderatedById: true } });
    expect(rows.every((row) => row.status === 'REJECTED' && row.reason === 'Names and mocks a student.' && row.moderatedById === people.editor.membershipId)).toBe(true);
    expect(rows.map((row) => row.id)).toContain(second.id);
    const again = await submitReaderComment(await school(), { story: storySlug, name: 'Tom Troll', email: 'TROLL@example.com', body: 'Let me back in.' });
    expect(again).toMatchObject({ ok: false, status: 403, error: 'This address may not comment in The Raven Report.' });
  });

  it('a reader’s report puts an approved comment back before the editors; approving again clears it', async () => {
    const comment = await writeAndConfirm('kim@example.com', 'A fair point about the registers.', 'Kim Park');
    await moderateComment(people.editor, comment.id, { decision: 'APPROVE', reason: '' });
    expect(await reportComment(await school(), comment.id, { reason: 'Off topic' })).toEqual({ ok: true, data: true });
    const queue = await moderationQueue(people.editor);
    expect(queue.ok && queue.data.reported.map((row) => [row.id, row.reportCount, row.lastReportReason])).toEqual([[comment.id, 1, 'Off topic']]);
    // Only approved comments can be reported; another school's id is not found.
    const lincoln = (await findSchoolBySlug('lincoln-high'))!;
    expect(await reportComment(lincoln, comment.id, { reason: '' })).toMatchObject({ ok: false, status: 404 });
    await moderateComment(people.editor, comment.id, { decision: 'APPROVE', reason: 'Fair criticism.' });
    const after = await moderationQueue(people.editor);
    expect(after.ok && after.data.reported).toEqual([]);
  });

  it('a story can close its own comments, and the school switch closes them all', async () => {
    expect(await setStoryComments(people.jordan, storyId, false)).toMatchObject({ ok: false, status: 403 });
    expect(await setStoryComments(people.andrew, storyId, false)).toEqual({ ok: true, data: true });
    expect(await submitReaderComment(await school(), { story: storySlug, name: 'Ana Diaz', email: 'ana@example.com', body: 'Closed?' })).toMatchObject({ ok: false, status: 403 });
    await setStoryComments(people.editor, storyId, true);
    await updateCommentSettings(people.adviser, { commentsEnabled: false, commenterNamePolicy: 'FULL_NAME' });
    expect(await submitReaderComment(await school(), { story: storySlug, name: 'Ana Diaz', email: 'ana@example.com', body: 'Off now?' })).toMatchObject({ ok: false, status: 403 });
  });

  it('limits how often one address writes', async () => {
    await updateCommentSettings(people.adviser, { commentsEnabled: true, commenterNamePolicy: 'ANY_NAME' });
    const results = [];
    for (let index = 0; index < 6; index++) results.push(await submitReaderComment(await school(), { story: storySlug, name: 'Sam', email: 'sam@example.com', body: `Comment number ${index}` }));
    expect(results.slice(0, 5).every((result) => result.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, status: 429 });
  });
});
