// Readers on a school's newsletter lists. Double opt-in: a sign-up only asks; nothing is sent to
// the address until its owner follows the link mailed to it. Leaving takes one click (RFC 8058)
// or one button, without signing in. An address that bounces or complains is suppressed and never
// written to again. Subscribers are personal data: the school's alone (row-level security), and
// the adviser can export them and erase an address.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { PLATFORM, dbFor, readsFor, transactionFor } from '../db.ts';
import type { NewsletterList } from '../generated/prisma/enums.ts';
import { appUrl, queueMail } from '../notifications/index.ts';
import { toCsv } from '../csv.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { hashToken, isPlausibleToken, newReaderToken, ReaderEmail } from '../readers/confirmation.ts';
import { LIST_KEYS, NEWSLETTER_LISTS } from './lists.ts';

const SIGN_UPS_PER_ADDRESS_PER_DAY = 3;
const UNCONFIRMED_PER_SCHOOL_PER_HOUR = 100;
const HOUR_MS = 60 * 60 * 1000;

interface School {
  id: string;
  slug: string;
  newspaperName: string;
}

export const SubscribeInput = z.object({
  email: ReaderEmail,
  lists: z.array(z.enum(LIST_KEYS as [NewsletterList, ...NewsletterList[]], { error: 'Unknown newsletter.' })).min(1, 'Choose at least one newsletter.'),
});

/** The address in one-click and page links that takes a reader off the lists. */
export function unsubscribeUrl(school: { slug: string }, token: string): string {
  return appUrl(`/${school.slug}/newsletter/unsubscribe?token=${token}`);
}

/** The address mail clients POST to (RFC 8058 one-click). */
export function oneClickUnsubscribeUrl(school: { slug: string }, token: string): string {
  return appUrl(`/api/schools/${school.slug}/newsletter/unsubscribe?token=${token}`);
}

/** Asks to subscribe: the answer is the same whether or not the address is already on a list (it
 * says nothing about who reads the paper); the mail goes to the address's owner only. */
export async function subscribe(school: School, input: unknown): Promise<Result<{ email: string }>> {
  const parsed = parseInput(SubscribeInput, input);
  if (!parsed.ok) return parsed;
  const { email, lists } = parsed.data;
  const { token, hash } = newReaderToken();
  return transactionFor(school.id, async (tx) => {
    const existing = await tx.subscriber.findUnique({ where: { schoolId_email: { schoolId: school.id, email } }, select: { id: true, status: true } });
    if (existing?.status === 'SUPPRESSED') return ok({ email });
    const lastHour = new Date(Date.now() - HOUR_MS);
    if ((await tx.subscriber.count({ where: { schoolId: school.id, status: 'PENDING', createdAt: { gte: lastHour } } })) >= UNCONFIRMED_PER_SCHOOL_PER_HOUR)
      return fail(429, 'The paper has had many sign-ups in the last hour; please try again later.');
    const mailsToday = await tx.outboxEmail.count({ where: { schoolId: school.id, to: email, subject: confirmSubject(school), createdAt: { gte: new Date(Date.now() - 24 * HOUR_MS) } } });
    if (mailsToday >= SIGN_UPS_PER_ADDRESS_PER_DAY) return fail(429, 'We have sent this address several confirmation links today; please use one of them, or try again tomorrow.');
    if (existing) await tx.subscriber.update({ where: { id: existing.id }, data: { requestedLists: lists, confirmTokenHash: hash } });
    else await tx.subscriber.create({ data: { schoolId: school.id, email, requestedLists: lists, confirmTokenHash: hash, unsubscribeToken: randomBytes(24).toString('base64url') } });
    const chosen = lists.map((list) => `  • ${NEWSLETTER_LISTS[list].label}`).join('\n');
    await queueMail(tx, {
      schoolId: school.id,
      to: email,
      subject: confirmSubject(school),
      text: `You (or someone using this address) asked for these newsletters from ${school.newspaperName}:\n\n${chosen}\n\nTo start receiving them, confirm here:\n\n${appUrl(`/${school.slug}/newsletter/confirm?token=${token}`)}\n\nIf it was not you, ignore this message: nothing is sent without the confirmation.`,
    });
    return ok({ email });
  });
}

function confirmSubject(school: School): string {
  return `Confirm your newsletter sign-up to ${school.newspaperName}`;
}

/** Follows the mailed link: the address receives the lists it asked for from now on. */
export async function confirmSubscription(school: School, token: string): Promise<Result<{ lists: NewsletterList[] }>> {
  if (!isPlausibleToken(token)) return missing('subscription');
  return transactionFor(school.id, async (tx) => {
    const subscriber = await tx.subscriber.findFirst({ where: { schoolId: school.id, confirmTokenHash: hashToken(token), status: { not: 'SUPPRESSED' } }, select: { id: true, requestedLists: true } });
    if (!subscriber) return fail(404, 'This link was already used or is not one of ours. If you confirmed before, you are signed up.');
    await tx.subscriber.update({
      where: { id: subscriber.id },
      data: { status: 'ACTIVE', lists: subscriber.requestedLists, requestedLists: [], confirmTokenHash: null, confirmedAt: new Date(), unsubscribedAt: null },
    });
    return ok({ lists: subscriber.requestedLists });
  });
}

/** Takes the address off every list of the school, by the token in its messages. Idempotent. */
export async function unsubscribe(school: { id: string }, token: string): Promise<Result<{ email: string }>> {
  if (!isPlausibleToken(token)) return missing('subscription');
  return transactionFor(school.id, async (tx) => {
    const subscriber = await tx.subscriber.findFirst({ where: { schoolId: school.id, unsubscribeToken: token }, select: { id: true, email: true, status: true } });
    if (!subscriber) return missing('subscription');
    if (subscriber.status === 'ACTIVE' || subscriber.status === 'PENDING')
      await tx.subscriber.update({ where: { id: subscriber.id }, data: { status: 'UNSUBSCRIBED', lists: [], unsubscribedAt: new Date(), confirmTokenHash: null } });
    return ok({ email: subscriber.email });
  });
}

/** A hard bounce or a complaint: the address is never written to again, by any school here (a
 * dead or complaining address hurts every school's mail on this server). */
export async function suppressAddress(email: string, reason: string): Promise<number> {
  const suppressed = await dbFor(PLATFORM).subscriber.updateMany({
    where: { email: email.trim().toLowerCase(), status: { not: 'SUPPRESSED' } },
    data: { status: 'SUPPRESSED', suppressedReason: reason.slice(0, 300), confirmTokenHash: null },
  });
  return suppressed.count;
}

/** How many confirmed readers each list has, for the newsroom. */
export async function subscriberCounts(actor: Actor): Promise<Result<Record<NewsletterList, number> & { pending: number; suppressed: number }>> {
  const allowed = requirePermission(actor, 'newsletter.send');
  if (!allowed.ok) return allowed;
  return readsFor(actor.schoolId, async (tx) => {
    const counts = Object.fromEntries(LIST_KEYS.map((list) => [list, 0])) as Record<NewsletterList, number>;
    for (const list of LIST_KEYS) counts[list] = await tx.subscriber.count({ where: { schoolId: actor.schoolId, status: 'ACTIVE', lists: { has: list } } });
    const pending = await tx.subscriber.count({ where: { schoolId: actor.schoolId, status: 'PENDING' } });
    const suppressed = await tx.subscriber.count({ where: { schoolId: actor.schoolId, status: 'SUPPRESSED' } });
    return ok({ ...counts, pending, suppressed });
  });
}

/** Every subscriber's address and state, as CSV: the adviser's copy of this personal data. */
export async function subscribersCsv(actor: Actor): Promise<Result<string>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const rows = await dbFor(actor.schoolId).subscriber.findMany({
    where: { schoolId: actor.schoolId },
    orderBy: { createdAt: 'asc' },
    select: { email: true, status: true, lists: true, createdAt: true, confirmedAt: true, unsubscribedAt: true, suppressedReason: true },
  });
  const date = (value: Date | null) => value?.toISOString() ?? '';
  return ok(
    toCsv([
      ['email', 'status', 'lists', 'signed up', 'confirmed', 'unsubscribed', 'suppressed because'],
      ...rows.map((row) => [row.email, row.status, row.lists.join(' '), date(row.createdAt), date(row.confirmedAt), date(row.unsubscribedAt), row.suppressedReason ?? '']),
    ]),
  );
}

export const EraseInput = z.object({ email: ReaderEmail });

/** Erases an address from the school: the subscriber and every delivery to it. */
export async function eraseSubscriber(actor: Actor, input: unknown): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(EraseInput, input);
  if (!parsed.ok) return parsed;
  const erased = await dbFor(actor.schoolId).subscriber.deleteMany({ where: { schoolId: actor.schoolId, email: parsed.data.email } });
  return erased.count === 1 ? ok(true) : fail(404, 'No subscriber has that address.');
}
