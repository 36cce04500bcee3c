// A newsletter send: an editor chooses a list and what goes in it (an issue's stories, the week's
// stories, or chosen breaking stories), now or at a time; the background worker
// (lib/newsletters/delivery.ts) sends it. What it will look like is rendered and checked when it is
// scheduled, so a broken link is refused then, not discovered by readers.
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { listPublishedArticles } from '../articles/public.ts';
import { readsFor, transactionFor, type Prisma } from '../db.ts';
import { editionLabel } from '../editions/label.ts';
import type { NewsletterList } from '../generated/prisma/enums.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { publicSchoolFields } from '../tenants/schools.ts';
import { schoolLocalTime } from '../tenants/time-zone.ts';
import { schoolUrl } from '../tenants/urls.ts';
import { LIST_KEYS, NEWSLETTER_LISTS } from './lists.ts';
import { problemsIn, renderNewsletter } from './render.ts';

const DIGEST_DAYS = 7;
const MOST_STORIES = 20;

export const SendInput = z.object({
  list: z.enum(LIST_KEYS as [NewsletterList, ...NewsletterList[]], { error: 'Choose a list.' }),
  subject: z.string().trim().min(3, 'Write a subject line.').max(150, 'A subject is at most 150 characters.'),
  intro: z.string().trim().max(2000, 'The introduction is at most 2,000 characters.'),
  editionId: z.string().max(64).optional(),
  articleIds: z.array(z.string().max(64)).max(MOST_STORIES, `At most ${MOST_STORIES} stories.`).default([]),
  /** The school's local date and time ("2026-12-01T07:00"); empty sends at once. */
  sendAt: z.string().max(40).optional(),
});

interface SendContent {
  list: NewsletterList;
  subject: string;
  intro: string;
  editionId: string | null;
  articleIds: string[];
}

/** The stories a send carries, as the site lists them (names under the school's name policy). */
async function storiesOf(tx: Prisma.TransactionClient, schoolId: string, send: SendContent) {
  const school = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { ...publicSchoolFields, accentColor: true } });
  let ids: string[] | undefined = send.articleIds;
  if (send.list === 'NEW_ISSUE') ids = (await tx.editionArticle.findMany({ where: { schoolId, editionId: send.editionId ?? '' }, select: { articleId: true } })).map((item) => item.articleId);
  const stories =
    send.list === 'WEEKLY_DIGEST'
      ? await listPublishedArticles(school, { publishedSince: new Date(Date.now() - DIGEST_DAYS * 86_400_000), take: MOST_STORIES })
      : await listPublishedArticles(school, { ids, take: MOST_STORIES });
  return { school, stories };
}

/** The send's message, rendered (with the unsubscribe marker) from what it carries now. */
export async function renderSend(tx: Prisma.TransactionClient, schoolId: string, send: SendContent): Promise<{ html: string; text: string; stories: number }> {
  const { school, stories } = await storiesOf(tx, schoolId, send);
  const edition = send.editionId ? await tx.edition.findFirst({ where: { schoolId, id: send.editionId }, select: { volume: true, number: true } }) : null;
  const rendered = await renderNewsletter({
    newspaperName: school.newspaperName,
    schoolName: school.name,
    accentColor: school.accentColor,
    siteUrl: schoolUrl(school),
    title: edition ? `${editionLabel(edition)}` : send.subject,
    intro: send.intro,
    listLabel: NEWSLETTER_LISTS[send.list].label,
    stories: stories.map((story) => ({ headline: story.headline, deck: story.deck, byline: story.byline, section: story.section?.name ?? null, url: schoolUrl(school, `/articles/${story.slug}`) })),
  });
  return { ...rendered, stories: stories.length };
}

export async function scheduleSend(actor: Actor, input: unknown): Promise<Result<{ id: string; scheduledFor: Date; stories: number }>> {
  const allowed = requirePermission(actor, 'newsletter.send');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(SendInput, input);
  if (!parsed.ok) return parsed;
  const { list, subject, intro, editionId, articleIds, sendAt } = parsed.data;
  return transactionFor(actor.schoolId, async (tx) => {
    const school = await tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: { timeZone: true } });
    const scheduledFor = sendAt ? schoolLocalTime(sendAt, school.timeZone) : new Date();
    if (!scheduledFor) return fail(422, 'Some fields need attention.', { sendAt: 'Choose a date and time, or leave it empty to send now.' });
    if (sendAt && scheduledFor.getTime() < Date.now() - 60_000) return fail(422, 'Some fields need attention.', { sendAt: 'That time has passed; leave it empty to send now.' });
    if (list === 'NEW_ISSUE') {
      const edition = editionId ? await tx.edition.findFirst({ where: { schoolId: actor.schoolId, id: editionId, status: 'PUBLISHED' }, select: { id: true } }) : null;
      if (!edition) return fail(422, 'Some fields need attention.', { editionId: 'Choose a published issue.' });
    }
    if (list === 'BREAKING' && articleIds.length === 0) return fail(422, 'Some fields need attention.', { articleIds: 'Choose the story (or stories) to send.' });
    const content = { list, subject, intro, editionId: list === 'NEW_ISSUE' ? (editionId ?? null) : null, articleIds: list === 'BREAKING' ? articleIds : [] };
    const preview = await renderSend(tx, actor.schoolId, content);
    if (preview.stories === 0)
      return fail(
        422,
        list === 'WEEKLY_DIGEST' ? `No story was published in the last ${DIGEST_DAYS} days: there is nothing to send.` : 'None of those stories is published: there is nothing to send.',
      );
    const problems = problemsIn(preview.html);
    if (problems.length > 0) return fail(422, `The message cannot go out as it is: ${problems.join(' ')}`);
    const send = await tx.newsletterSend.create({ data: { schoolId: actor.schoolId, ...content, scheduledFor, createdById: actor.membershipId } });
    return ok({ id: send.id, scheduledFor, stories: preview.stories });
  });
}

export async function cancelSend(actor: Actor, sendId: string): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'newsletter.send');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const cancelled = await tx.newsletterSend.updateMany({ where: { schoolId: actor.schoolId, id: sendId, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } });
    if (cancelled.count === 1) return ok(true);
    return (await tx.newsletterSend.count({ where: { schoolId: actor.schoolId, id: sendId } })) ? fail(409, 'It has started sending and can no longer be cancelled.') : missing('newsletter');
  });
}

/** The school's sends, newest first, with how far each has got. */
export async function listSends(actor: Actor) {
  const allowed = requirePermission(actor, 'newsletter.send');
  if (!allowed.ok) return allowed;
  return readsFor(actor.schoolId, async (tx) => {
    const sends = await tx.newsletterSend.findMany({
      where: { schoolId: actor.schoolId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, list: true, subject: true, status: true, scheduledFor: true, startedAt: true, finishedAt: true },
    });
    const counts = await tx.newsletterDelivery.groupBy({ by: ['sendId', 'status'], where: { schoolId: actor.schoolId, sendId: { in: sends.map((send) => send.id) } }, _count: { _all: true } });
    const of = (sendId: string, status: string) => counts.find((row) => row.sendId === sendId && row.status === status)?._count._all ?? 0;
    return ok(
      sends.map((send) => {
        const sent = of(send.id, 'SENT');
        const failed = of(send.id, 'FAILED');
        const waiting = of(send.id, 'QUEUED') + of(send.id, 'SENDING');
        return { ...send, sent, failed, recipients: sent + failed + waiting };
      }),
    );
  });
}
