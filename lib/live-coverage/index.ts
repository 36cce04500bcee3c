// Live coverage of a game, an election night or a board meeting: a story opened for timestamped
// updates from several reporters, each with its author and perhaps a photo, shown to readers newest
// first under the story. Who may do what is in rules.ts; every decision is in the story's history
// (and the live desk's membership in the school's audit log), and every change readers can see
// retires the story's cached pages at once (readersSeeChange).
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { activeActorsOf, requirePermission } from '../auth/actor.ts';
import { readsFor, transactionFor, type Prisma } from '../db.ts';
import type { ArticleStatus } from '../generated/prisma/enums.ts';
import { lockArticle } from '../articles/access.ts';
import { readersSeeChange } from '../articles/live.ts';
import { FeaturedImageInput, resolveFeaturedImage } from '../articles/featured-image.ts';
import { checkArticleDoc, docToPlainText, type ArticleDoc } from '../content/document.ts';
import { recordDecision } from '../audit/index.ts';
import { notify } from '../notifications/index.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { workflowSchoolFields } from '../workflow/transitions.ts';
import { isLiveNow, LIVE_UPDATE_MAX_CHARACTERS, mayRunLiveCoverage, publishesLiveUpdates, PUBLISH_LIVE_UPDATE_REFUSAL, RUN_LIVE_COVERAGE_REFUSAL, type LiveEvent } from './rules.ts';

const liveArticleFields = {
  id: true,
  status: true,
  sectionId: true,
  createdById: true,
  publishedRevisionId: true,
  liveStartedAt: true,
  liveEndedAt: true,
  bylines: { select: { membershipId: true } },
} as const satisfies Prisma.ArticleSelect;
type LiveArticle = Prisma.ArticleGetPayload<{ select: typeof liveArticleFields }>;

/** The article of the actor's school, locked, so updates and decisions on it queue; 404 for another school's. */
async function loadLiveArticle(tx: Prisma.TransactionClient, actor: Actor, articleId: string): Promise<LiveArticle | null> {
  await lockArticle(tx, actor.schoolId, articleId);
  return tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: liveArticleFields });
}

type LiveSchool = Prisma.SchoolGetPayload<{ select: typeof workflowSchoolFields }>;

/** The school's review policy, which says who may publish: read once per action. */
function loadSchool(tx: Prisma.TransactionClient, actor: Actor): Promise<LiveSchool> {
  return tx.school.findUniqueOrThrow({ where: { id: actor.schoolId }, select: workflowSchoolFields });
}

/** Whether this actor's updates (and decisions on others') reach readers without review. */
async function actorPublishes(tx: Prisma.TransactionClient, actor: Actor, article: LiveArticle, school: LiveSchool): Promise<boolean> {
  const member = await tx.membership.findUniqueOrThrow({ where: { id: actor.membershipId }, select: { liveDesk: true } });
  return publishesLiveUpdates(actor, member.liveDesk, article, school);
}

/** Tells everyone who may publish it (the live desk, and those who may publish the story) that an
 * update waits for them, in their inbox and by mail. */
async function tellTheDesk(tx: Prisma.TransactionClient, actor: Actor, article: LiveArticle, school: LiveSchool, text: string): Promise<void> {
  const [desk, staff] = await Promise.all([
    tx.membership.findMany({ where: { schoolId: actor.schoolId, liveDesk: true }, select: { id: true } }),
    activeActorsOf(tx, { id: actor.schoolId, slug: actor.schoolSlug }),
  ]);
  const onDesk = new Set(desk.map((member) => member.id));
  const recipients = staff.filter((member) => member.membershipId !== actor.membershipId && publishesLiveUpdates(member, onDesk.has(member.membershipId), article, school));
  await notify(
    tx,
    school,
    recipients.map((member) => member.membershipId),
    {
      kind: 'live-update',
      articleId: article.id,
      message: `${actor.displayName} sent a live update for review: “${summary(text)}”`,
      link: `/newsroom/articles/${article.id}`,
    },
  );
}

function record(tx: Prisma.TransactionClient, actor: Actor, article: { id: string; status: ArticleStatus }, action: LiveEvent, comment: string) {
  return tx.workflowEvent.create({
    data: { schoolId: actor.schoolId, articleId: article.id, actorId: actor.membershipId, actorRole: actor.role, action, fromStatus: article.status, toStatus: article.status, comment },
  });
}

/** Readers see the change now, if the story is out at all. */
async function showReaders(tx: Prisma.TransactionClient, actor: Actor, article: LiveArticle): Promise<void> {
  if (article.publishedRevisionId) await readersSeeChange(tx, actor.schoolId, [article.id]);
}

/** Opens (or, with `open: false`, closes) the story's live coverage. Reopening continues it. */
export async function setLiveCoverage(actor: Actor, articleId: string, open: boolean): Promise<Result<{ live: boolean }>> {
  return transactionFor(actor.schoolId, async (tx) => {
    const article = await loadLiveArticle(tx, actor, articleId);
    if (!article) return missing('article');
    if (!mayRunLiveCoverage(actor, article)) return fail(403, RUN_LIVE_COVERAGE_REFUSAL);
    if (isLiveNow(article) === open) return ok({ live: open });
    const now = new Date();
    await tx.article.update({ where: { id: article.id }, data: open ? { liveStartedAt: article.liveStartedAt ?? now, liveEndedAt: null } : { liveEndedAt: now } });
    await record(tx, actor, article, open ? 'live-started' : 'live-ended', open ? 'Live coverage is open for updates.' : 'Live coverage ended; the updates stay with the story.');
    await showReaders(tx, actor, article);
    return ok({ live: open });
  });
}

const PARAGRAPH_BREAK = /\n\s*\n/;

export const LiveUpdateInput = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write the update.')
    .max(LIVE_UPDATE_MAX_CHARACTERS, `An update can be at most ${LIVE_UPDATE_MAX_CHARACTERS.toLocaleString('en-US')} characters.`),
  photo: FeaturedImageInput.extend({ alt: FeaturedImageInput.shape.alt.trim().min(1, 'Describe the photo for readers who cannot see it.') })
    .omit({ focalX: true, focalY: true })
    .nullish(),
});

/** The update as a story document: its paragraphs (a single line break kept as one), then its photo. */
function updateDoc(text: string, photo: Record<string, string | number> | null): ArticleDoc {
  const paragraphs = text.split(PARAGRAPH_BREAK).map((paragraph) => ({
    type: 'paragraph',
    content: paragraph
      .trim()
      .split('\n')
      .flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), ...(line.trim() ? [{ type: 'text', text: line.trim() }] : [])]),
  }));
  return { type: 'doc', content: [...paragraphs, ...(photo ? [{ type: 'figure', attrs: photo }] : [])] };
}

/** Posts an update to a live story: out at once for the live desk and those who may publish the
 * story, otherwise waiting for one of them. */
export async function postLiveUpdate(actor: Actor, articleId: string, input: unknown): Promise<Result<{ id: string; published: boolean }>> {
  const allowed = requirePermission(actor, 'newsroom.view');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(LiveUpdateInput, input);
  if (!parsed.ok) return parsed;
  return transactionFor(actor.schoolId, async (tx) => {
    const article = await loadLiveArticle(tx, actor, articleId);
    if (!article) return missing('article');
    if (!isLiveNow(article))
      return fail(409, article.liveEndedAt ? 'Live coverage of this story has ended; an editor may reopen it.' : 'This story is not open for live updates; an editor may start live coverage.');
    const { photo: requestedPhoto } = parsed.data;
    // A photo of this school's, resolved as a featured image is: its address and size come from the upload.
    const photo = requestedPhoto ? await resolveFeaturedImage(tx, actor, { ...requestedPhoto, focalX: 0.5, focalY: 0.5 }, null) : ok(null);
    if (!photo.ok) return fail(422, 'Some fields need attention.', { photo: 'Choose a photo uploaded to this newspaper.' });
    const image = photo.data;
    const figure = image && { src: image.src, mediaId: image.mediaId, alt: image.alt, caption: image.caption, credit: image.credit, width: image.width, height: image.height };
    const doc = checkArticleDoc(updateDoc(parsed.data.text, figure));
    if (!doc.ok) return fail(422, doc.error, { text: doc.error });
    const school = await loadSchool(tx, actor);
    const published = await actorPublishes(tx, actor, article, school);
    const now = new Date();
    const update = await tx.liveUpdate.create({
      data: {
        schoolId: actor.schoolId,
        articleId: article.id,
        authorId: actor.membershipId,
        body: doc.doc as Prisma.InputJsonValue,
        bodyText: docToPlainText(doc.doc),
        status: published ? 'PUBLISHED' : 'PENDING',
        ...(published ? { publishedAt: now, reviewedById: actor.membershipId } : {}),
      },
      select: { id: true },
    });
    await record(tx, actor, article, published ? 'live-update-posted' : 'live-update-submitted', `${published ? 'Posted without review' : 'Waiting for the live desk'}: ${summary(parsed.data.text)}`);
    if (published) await showReaders(tx, actor, article);
    else await tellTheDesk(tx, actor, article, school, parsed.data.text);
    return ok({ id: update.id, published });
  });
}

/** An update in one line, as a history entry, an inbox row and a mail's subject give it. */
function summary(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/** Publishes an update waiting for review, or withdraws one (readers no longer see it; the record stays). */
export async function decideLiveUpdate(actor: Actor, updateId: string, decision: 'publish' | 'withdraw'): Promise<Result<{ status: 'PUBLISHED' | 'WITHDRAWN' }>> {
  return transactionFor(actor.schoolId, async (tx) => {
    const found = await tx.liveUpdate.findFirst({ where: { id: updateId, schoolId: actor.schoolId }, select: { articleId: true } });
    if (!found) return fail(404, 'That live update was not found.');
    const article = await loadLiveArticle(tx, actor, found.articleId);
    if (!article) return fail(404, 'That live update was not found.');
    const update = await tx.liveUpdate.findUniqueOrThrow({ where: { id: updateId }, select: { status: true, bodyText: true } });
    if (!(await actorPublishes(tx, actor, article, await loadSchool(tx, actor)))) return fail(403, PUBLISH_LIVE_UPDATE_REFUSAL);
    const to = decision === 'publish' ? 'PUBLISHED' : 'WITHDRAWN';
    if (update.status === to) return ok({ status: to });
    if (decision === 'publish' && update.status !== 'PENDING') return fail(409, 'A withdrawn update stays withdrawn; post it again instead.');
    const wasPublic = update.status === 'PUBLISHED';
    await tx.liveUpdate.update({ where: { id: updateId }, data: { status: to, reviewedById: actor.membershipId, ...(to === 'PUBLISHED' ? { publishedAt: new Date() } : {}) } });
    await record(tx, actor, article, to === 'PUBLISHED' ? 'live-update-published' : 'live-update-withdrawn', summary(update.bodyText));
    if (to === 'PUBLISHED' || wasPublic) await showReaders(tx, actor, article);
    return ok({ status: to });
  });
}

/** The live coverage panel of the newsroom's story page: its state, every update with its author
 * and status (newest first), and what this actor may do. */
export async function liveCoverageForNewsroom(actor: Actor, articleId: string) {
  return readsFor(actor.schoolId, async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, schoolId: actor.schoolId }, select: liveArticleFields });
    if (!article) return missing('article');
    const updates = await tx.liveUpdate.findMany({
      where: { schoolId: actor.schoolId, articleId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
      select: { id: true, body: true, status: true, createdAt: true, author: { select: { displayName: true } } },
    });
    return ok({
      live: isLiveNow(article),
      ended: article.liveEndedAt !== null,
      mayRun: mayRunLiveCoverage(actor, article),
      publishes: await actorPublishes(tx, actor, article, await loadSchool(tx, actor)),
      updates: updates.map(({ author, ...update }) => ({ ...update, body: update.body as ArticleDoc, author: author.displayName })),
    });
  });
}

// --- The live desk ---------------------------------------------------------------------------

/** Puts a member on the live desk or takes them off it; the decision goes in the school's audit log. */
export async function setLiveDesk(actor: Actor, membershipId: string, onDesk: boolean): Promise<Result<{ liveDesk: boolean }>> {
  const allowed = requirePermission(actor, 'members.manage');
  if (!allowed.ok) return allowed;
  return transactionFor(actor.schoolId, async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, schoolId: actor.schoolId, status: 'ACTIVE' }, select: { id: true, displayName: true, liveDesk: true } });
    if (!member) return missing('member');
    if (member.liveDesk === onDesk) return ok({ liveDesk: onDesk });
    await tx.membership.update({ where: { id: member.id }, data: { liveDesk: onDesk } });
    await recordDecision(
      tx,
      actor,
      onDesk ? 'live-desk-added' : 'live-desk-removed',
      member.id,
      onDesk ? `${member.displayName} may post live updates without review.` : `${member.displayName}’s live updates wait for review again.`,
    );
    return ok({ liveDesk: onDesk });
  });
}
