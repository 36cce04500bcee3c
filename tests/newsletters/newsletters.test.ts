// Newsletters through a real SMTP server (smtp-server on loopback, parsed with mailparser): double
// opt-in, a send to one list with both unsubscribe headers, one-click unsubscribe stopping the next
// send, a refused address suppressed, bounces and complaints from the provider, never twice to one
// address (an interrupted delivery is not retried), and the subscribers' data for the adviser only.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformDb as db } from '../../lib/db.ts';
import { INTERRUPTED, runNewsletterSends } from '../../lib/newsletters/delivery.ts';
import { mailEventsAuthorized, recordMailEvents } from '../../lib/newsletters/mail-events.ts';
import { problemsIn, renderNewsletter } from '../../lib/newsletters/render.ts';
import { cancelSend, listSends, scheduleSend } from '../../lib/newsletters/sends.ts';
import { confirmSubscription, eraseSubscriber, subscribe, subscriberCounts, subscribersCsv, unsubscribe } from '../../lib/newsletters/subscribers.ts';
import { findSchoolBySlug } from '../../lib/tenants/schools.ts';
import { publishedStory, seededActors } from '../factories.ts';

const received: { to: string; mail: ParsedMail }[] = [];
let server: SMTPServer;
let people: Awaited<ReturnType<typeof seededActors>>;
let storyId: string;
let storySlug: string;
const school = async () => (await findSchoolBySlug('canyon-crest'))!;

const confirmToken = async (email: string) => {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, subject: { startsWith: 'Confirm your newsletter' } }, orderBy: { createdAt: 'desc' } });
  return /token=([\w-]+)/.exec(mail.text)![1]!;
};

async function subscribed(email: string, lists: string[] = ['BREAKING']) {
  expect((await subscribe(await school(), { email, lists })).ok).toBe(true);
  expect((await confirmSubscription(await school(), await confirmToken(email))).ok).toBe(true);
}

/** Rounds of the background sender until nothing is left to send. */
async function sendEverything() {
  for (let round = 0; round < 20; round++) {
    const { sent, failed, started } = await runNewsletterSends({ perRound: 50 });
    if (sent + failed + started === 0) return;
  }
}

/** A header as it was written (mailparser turns the List-* headers into structures). */
const header = (mail: ParsedMail, name: string) =>
  mail.headerLines
    .find((line) => line.key === name)
    ?.line.slice(name.length + 1)
    .trim() ?? '';

const to = (email: string) => received.filter((message) => message.to === email);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A mailbox that does not exist, as a real server answers it.
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('nobody@') ? Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  const { seedDemo } = await import('../../prisma/seed.ts');
  await seedDemo();
  people = await seededActors();
  const story = await publishedStory(people.andrew, people.adviser, 'Snow Day Declared for Friday', 'Buses will not run.', ['The district closed every school.']);
  storyId = story.id;
  storySlug = story.slug;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('newsletters', () => {
  it('a sign-up sends nothing but its confirmation until confirmed', async () => {
    expect(await subscribe(await school(), { email: 'not an address', lists: ['BREAKING'] })).toMatchObject({ ok: false, status: 422, fieldErrors: { email: expect.any(String) } });
    expect(await subscribe(await school(), { email: 'parent@example.com', lists: [] })).toMatchObject({ ok: false, status: 422, fieldErrors: { lists: 'Choose at least one newsletter.' } });
    expect(await subscribe(await school(), { email: 'Parent@Example.com', lists: ['BREAKING', 'NEW_ISSUE'] })).toEqual({ ok: true, data: { email: 'parent@example.com' } });
    const sent = await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Snow day', intro: '', articleIds: [storyId] });
    expect(sent.ok).toBe(true);
    await sendEverything();
    expect(to('parent@example.com')).toEqual([]);
    expect((await confirmSubscription(await school(), await confirmToken('parent@example.com'))).ok).toBe(true);
    const counts = await subscriberCounts(people.editor);
    expect(counts.ok && [counts.data.BREAKING, counts.data.NEW_ISSUE, counts.data.WEEKLY_DIGEST]).toEqual([1, 1, 0]);
  });

  it('a send reaches each confirmed reader of its list once, with both unsubscribe headers, in HTML and text', async () => {
    await subscribed('student@example.com', ['BREAKING']);
    await subscribed('alum@example.com', ['WEEKLY_DIGEST']);
    // Another school's reader of the same address is that school's alone.
    const lincoln = (await findSchoolBySlug('lincoln-high'))!;
    await subscribe(lincoln, { email: 'student@example.com', lists: ['BREAKING'] });
    const scheduled = await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Snow day tomorrow', intro: 'Stay warm.', articleIds: [storyId] });
    expect(scheduled).toMatchObject({ ok: true, data: { stories: 1 } });
    received.length = 0;
    await sendEverything();
    await sendEverything();
    expect(received.map((message) => message.to).sort()).toEqual(['parent@example.com', 'student@example.com']);
    const mail = to('student@example.com')[0]!.mail;
    expect(mail.subject).toBe('Snow day tomorrow');
    const unsubscribeHeader = header(mail, 'list-unsubscribe');
    expect(unsubscribeHeader).toMatch(/^<http:\/\/[^>]+\/api\/schools\/canyon-crest\/newsletter\/unsubscribe\?token=[\w-]+>$/);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain(`/canyon-crest/articles/${storySlug}`);
    expect(mail.html).toContain('Snow Day Declared for Friday');
    expect(mail.text).toContain('Snow Day Declared for Friday');
    expect(mail.text).toContain('/canyon-crest/newsletter/unsubscribe?token=');
    // Each reader's message has their own link.
    const parentLink = /token=([\w-]+)/.exec(header(to('parent@example.com')[0]!.mail, 'list-unsubscribe'))![1];
    expect(unsubscribeHeader).not.toContain(parentLink!);
    const sends = await listSends(people.editor);
    const sendId = scheduled.ok ? scheduled.data.id : '';
    expect(sends.ok && sends.data.find((send) => send.id === sendId)).toMatchObject({ status: 'SENT', sent: 2, recipients: 2, failed: 0 });
  });

  it('one-click unsubscribe stops the next send, for that address only', async () => {
    const token = /token=([\w-]+)/.exec(header(to('student@example.com')[0]!.mail, 'list-unsubscribe'))![1]!;
    expect(await unsubscribe(await school(), token)).toEqual({ ok: true, data: { email: 'student@example.com' } });
    expect(await unsubscribe(await school(), token)).toMatchObject({ ok: true });
    expect(await unsubscribe(await findSchoolBySlug('lincoln-high').then((found) => found!), token)).toMatchObject({ ok: false, status: 404 });
    received.length = 0;
    await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Snow day, part two', intro: '', articleIds: [storyId] });
    await sendEverything();
    expect(received.map((message) => message.to)).toEqual(['parent@example.com']);
  });

  it('an address the mail server refuses is suppressed; so is one the provider reports bouncing or complaining', async () => {
    await subscribed('nobody@example.com');
    await subscribed('complainer@example.com');
    await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Bus routes', intro: '', articleIds: [storyId] });
    await sendEverything();
    expect(await db.subscriber.findFirst({ where: { email: 'nobody@example.com' }, select: { status: true, suppressedReason: true } })).toMatchObject({
      status: 'SUPPRESSED',
      suppressedReason: expect.stringContaining('No such user'),
    });
    expect(mailEventsAuthorized('Bearer anything')).toBe(false);
    process.env.MASTHEAD_MAIL_EVENTS_TOKEN = 'provider-secret';
    expect(mailEventsAuthorized('Bearer provider-secret')).toBe(true);
    expect(mailEventsAuthorized('Bearer provider-secreT')).toBe(false);
    delete process.env.MASTHEAD_MAIL_EVENTS_TOKEN;
    expect(await recordMailEvents({ type: 'bounce', email: 'parent@example.com', permanent: false })).toEqual({ ok: true, data: { suppressed: 0 } });
    expect(await recordMailEvents([{ type: 'complaint', email: 'Complainer@example.com' }])).toEqual({ ok: true, data: { suppressed: 1 } });
    expect(await recordMailEvents({ type: 'unsubscribe', email: 'x' })).toMatchObject({ ok: false, status: 422 });
    // A suppressed address signing up again gets the same answer, and no mail.
    const before = await db.outboxEmail.count({ where: { to: 'complainer@example.com' } });
    expect(await subscribe(await school(), { email: 'complainer@example.com', lists: ['BREAKING'] })).toMatchObject({ ok: true });
    expect(await db.outboxEmail.count({ where: { to: 'complainer@example.com' } })).toBe(before);
    received.length = 0;
    await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Bus routes again', intro: '', articleIds: [storyId] });
    await sendEverything();
    expect(received.map((message) => message.to)).toEqual(['parent@example.com']);
  });

  it('never sends twice to one address: a delivery interrupted mid-hand-off is reported, not retried', async () => {
    await subscribed('first@example.com', ['NEW_ISSUE']);
    await subscribed('second@example.com', ['NEW_ISSUE']);
    const edition = await db.edition.findFirstOrThrow({ where: { school: { slug: 'canyon-crest' }, status: 'PUBLISHED' } });
    const scheduled = await scheduleSend(people.editor, { list: 'NEW_ISSUE', subject: 'The new issue', intro: '', editionId: edition.id });
    expect(scheduled.ok, scheduled.ok ? '' : scheduled.error).toBe(true);
    const sendId = scheduled.ok ? scheduled.data.id : '';
    // A round that starts the send, then a server that claimed one delivery and stopped (its row
    // left SENDING, as a crash between SMTP and the database leaves it).
    await runNewsletterSends({ perRound: 0 });
    const deliveries = await db.newsletterDelivery.findMany({ where: { sendId }, orderBy: { id: 'asc' } });
    expect(deliveries).toHaveLength(3);
    await db.newsletterDelivery.update({ where: { id: deliveries[0]!.id }, data: { status: 'SENDING', attemptedAt: new Date(Date.now() - 10 * 60_000) } });
    received.length = 0;
    await sendEverything();
    const interrupted = await db.newsletterDelivery.findUniqueOrThrow({ where: { id: deliveries[0]!.id }, include: { subscriber: true } });
    expect(interrupted).toMatchObject({ status: 'FAILED', error: INTERRUPTED });
    expect(received.map((message) => message.to)).not.toContain(interrupted.subscriber.email);
    expect(received).toHaveLength(2);
    expect((await db.newsletterSend.findUniqueOrThrow({ where: { id: sendId } })).status).toBe('SENT');
    // Running again sends nothing more.
    await sendEverything();
    expect(received).toHaveLength(2);
  });

  it('refuses what cannot be sent, and lets a scheduled send be cancelled', async () => {
    expect(await scheduleSend(people.andrew, { list: 'BREAKING', subject: 'Hi', intro: '', articleIds: [storyId] })).toMatchObject({ ok: false, status: 403 });
    expect(await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Nothing', intro: '', articleIds: [] })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { articleIds: expect.any(String) },
    });
    expect(await scheduleSend(people.editor, { list: 'NEW_ISSUE', subject: 'No issue', intro: '' })).toMatchObject({ ok: false, status: 422, fieldErrors: { editionId: 'Choose a published issue.' } });
    expect(await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Someone else’s', intro: '', articleIds: ['not-a-story'] })).toMatchObject({ ok: false, status: 422 });
    expect(await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Yesterday', intro: '', articleIds: [storyId], sendAt: '2020-01-01T08:00' })).toMatchObject({
      ok: false,
      fieldErrors: { sendAt: expect.any(String) },
    });
    const later = await scheduleSend(people.editor, { list: 'BREAKING', subject: 'Later', intro: '', articleIds: [storyId], sendAt: '2099-01-01T07:00' });
    expect(later.ok && later.data.scheduledFor.toISOString()).toBe('2099-01-01T15:00:00.000Z'); // 7 a.m. in Los Angeles
    const id = later.ok ? later.data.id : '';
    expect(await cancelSend(people.lincolnAdviser, id)).toMatchObject({ ok: false, status: 404 });
    expect(await cancelSend(people.editor, id)).toEqual({ ok: true, data: true });
    expect(await cancelSend(people.editor, id)).toMatchObject({ ok: false, status: 409 });
  });

  it('checks a message’s links and images before it goes out', async () => {
    const { html, text } = await renderNewsletter({
      newspaperName: 'P',
      schoolName: 'S',
      accentColor: '#000',
      siteUrl: 'https://p.example',
      title: 'T',
      intro: '',
      listLabel: 'L',
      stories: [{ headline: 'H', deck: '', byline: '', section: null, url: 'https://p.example/a' }],
    });
    expect(problemsIn(html)).toEqual([]);
    expect(text).toContain('https://p.example/a');
    expect(problemsIn(html.replace('https://p.example/a', '/a'))).toEqual(['A link goes to “/a”, which is not a full web address.']);
    expect(problemsIn(`${html}<img src="https://p.example/x.jpg">`)).toEqual(['An image (https://p.example/x.jpg) has no alt text.']);
  });

  it('subscribers’ data is the adviser’s to export and erase, and no other school’s', async () => {
    expect(await subscribersCsv(people.editor)).toMatchObject({ ok: false, status: 403 });
    const csv = await subscribersCsv(people.adviser);
    expect(csv.ok && csv.data).toContain('parent@example.com,ACTIVE,BREAKING NEW_ISSUE');
    const lincolnCsv = await subscribersCsv(people.lincolnAdviser);
    expect(lincolnCsv.ok && lincolnCsv.data).not.toContain('parent@example.com');
    expect(await eraseSubscriber(people.lincolnAdviser, { email: 'parent@example.com' })).toMatchObject({ ok: false, status: 404 });
    expect(await eraseSubscriber(people.adviser, { email: 'parent@example.com' })).toEqual({ ok: true, data: true });
    expect(await db.subscriber.count({ where: { email: 'parent@example.com', school: { slug: 'canyon-crest' } } })).toBe(0);
    expect(await db.newsletterDelivery.count({ where: { subscriber: { email: 'parent@example.com', school: { slug: 'canyon-crest' } } } })).toBe(0);
  });
});
