// The public side of a request: anyone may ask, from a form under every story, to correct,
// anonymize or remove it. Nothing reaches the newsroom until the requester follows the link mailed
// to them (so nobody can file requests in another person's name), and one address may file only a
// few a day, so the form cannot be used to flood a paper.
import { z } from 'zod';
import { hashToken, isPlausibleToken, newReaderToken, ReaderEmail } from '../readers/confirmation.ts';
import { transactionFor } from '../db.ts';
import { appUrl, notify, queueMail } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { RESPONSE_DAYS } from './policy.ts';

const PER_ADDRESS_PER_DAY = 3;
const UNCONFIRMED_PER_SCHOOL_PER_HOUR = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export const RemovalRequestInput = z.object({
  story: z.string().trim().min(1, 'Say which story this is about.').max(200),
  kind: z.enum(['CORRECTION', 'ANONYMIZE', 'REMOVAL'], { error: 'Choose what you are asking for.' }),
  name: z.string().trim().min(2, 'Enter your name.').max(120, 'A name can be at most 120 characters.'),
  email: ReaderEmail,
  message: z.string().trim().min(20, 'Tell us in a sentence or two what is wrong and why.').max(5000, 'At most 5,000 characters.'),
});

interface School {
  id: string;
  slug: string;
  newspaperName: string;
}

/** Files a request (unconfirmed) and mails its confirmation link. The same answer whether or not
 * the story exists is not needed here: the story is public, and naming a wrong one is an error. */
export async function submitRemovalRequest(school: School, input: unknown): Promise<Result<{ email: string }>> {
  const parsed = parseInput(RemovalRequestInput, input);
  if (!parsed.ok) return parsed;
  const { story, kind, name, email, message } = parsed.data;
  const slug = story.split('?')[0]!.replace(/\/+$/, '').split('/').pop()!;
  const { token, hash } = newReaderToken();
  return transactionFor(school.id, async (tx) => {
    const article = await tx.article.findFirst({ where: { schoolId: school.id, slug, publishedRevisionId: { not: null } }, select: { id: true, publishedRevision: { select: { headline: true } } } });
    if (!article) return fail(422, 'That story was not found in this paper; paste its address from your browser.', { story: 'That story was not found in this paper.' });
    const since = new Date(Date.now() - DAY_MS);
    if ((await tx.removalRequest.count({ where: { schoolId: school.id, requesterEmail: email, createdAt: { gte: since } } })) >= PER_ADDRESS_PER_DAY)
      return fail(429, `This address has sent ${PER_ADDRESS_PER_DAY} requests today; the paper reads every one. Write again tomorrow if you need to.`);
    const lastHour = new Date(Date.now() - DAY_MS / 24);
    if ((await tx.removalRequest.count({ where: { schoolId: school.id, status: 'UNCONFIRMED', createdAt: { gte: lastHour } } })) >= UNCONFIRMED_PER_SCHOOL_PER_HOUR)
      return fail(429, 'The paper has received many requests in the last hour; please try again in an hour.');
    await tx.removalRequest.create({ data: { schoolId: school.id, articleId: article.id, kind, requesterName: name, requesterEmail: email, message, confirmTokenHash: hash } });
    await queueMail(tx, {
      schoolId: school.id,
      to: email,
      subject: `Confirm your request to ${school.newspaperName}`,
      text: `You (or someone using this address) asked ${school.newspaperName} about “${article.publishedRevision!.headline}”.\n\nTo send the request to the editors, confirm it here:\n\n${appUrl(`/${school.slug}/requests/confirm?token=${token}`)}\n\nIf it was not you, ignore this message; nothing is sent without the confirmation.`,
    });
    return ok({ email });
  });
}

/** Confirms a request by its mailed token: it opens, gets its deadline, and the editors and the
 * adviser are told. A link used twice confirms once. */
export async function confirmRemovalRequest(school: School, token: string): Promise<Result<{ deadline: Date }>> {
  if (!isPlausibleToken(token)) return missing('openRequest');
  return transactionFor(school.id, async (tx) => {
    const request = await tx.removalRequest.findFirst({
      where: { schoolId: school.id, confirmTokenHash: hashToken(token) },
      select: { id: true, kind: true, article: { select: { publishedRevision: { select: { headline: true } } } } },
    });
    if (!request) return fail(404, 'This link was already used or is not one of ours. If you sent a request, the paper has it.');
    const deadline = new Date(Date.now() + RESPONSE_DAYS * DAY_MS);
    await tx.removalRequest.update({ where: { id: request.id }, data: { status: 'OPEN', confirmedAt: new Date(), confirmTokenHash: null, deadline } });
    const handlers = await tx.membership.findMany({ where: { schoolId: school.id, status: 'ACTIVE', role: { in: ['EDITOR', 'ADVISER', 'SCHOOL_ADMIN'] } }, select: { id: true } });
    await notify(
      tx,
      school,
      handlers.map((member) => member.id),
      {
        kind: 'removal-request',
        articleId: null,
        message: `A reader asked about “${request.article.publishedRevision?.headline ?? 'a story'}”; answer by ${deadline.toDateString()}.`,
        link: `/newsroom/requests/${request.id}`,
      },
    );
    return ok({ deadline });
  });
}
