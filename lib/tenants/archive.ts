// Everything Masthead keeps about a school's paper, as a zip to take anywhere: masthead.json (the
// school, sections, staff, every story with every revision, bylines, corrections and old addresses,
// the issues, the newsletter's subscribers) and media/ (every uploaded photo, full size). Where the WordPress export carries
// what readers see, this carries what the newsroom has. Both are written as they are read — the
// stories a page at a time, the photos one at a time — so a large archive never sits in memory.
import { Readable } from 'node:stream';
import path from 'node:path';
import yazl from 'yazl';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { readsFor } from '../db.ts';
import { getObject } from '../media/storage.ts';
import { ok, type Result } from '../result.ts';

export const ARCHIVE_FORMAT = 'masthead-school-archive';
export const ARCHIVE_VERSION = 1;
const STORIES_PER_READ = 200;

/** The archive as a stream of zip bytes, for a download or a file. */
export async function schoolArchive(actor: Actor): Promise<Result<Readable>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const { schoolId } = actor;
  const media = await readsFor(schoolId, (tx) =>
    tx.media.findMany({
      where: { schoolId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, storageKey: true, mimeType: true, width: true, height: true, alt: true, caption: true, credit: true, originalFilename: true, createdAt: true },
    }),
  );
  const zip = new yazl.ZipFile();
  zip.addReadStream(Readable.from(archiveJson(schoolId, media)), 'masthead.json');
  for (const item of media) {
    // Photos are compressed already; stored as they are.
    zip.addReadStreamLazy(`media/${path.basename(item.storageKey)}`, { compress: false }, (done) => {
      getObject(item.storageKey).then(
        (bytes) => done(null, Readable.from(bytes ? [bytes] : [])),
        (error: unknown) => done(error, Readable.from([])),
      );
    });
  }
  zip.end();
  return ok(Readable.from(zip.outputStream));
}

type MediaRow = {
  id: string;
  storageKey: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  originalFilename: string;
  createdAt: Date;
};

/** masthead.json, written piece by piece. */
async function* archiveJson(schoolId: string, media: MediaRow[]): AsyncGenerator<string> {
  const { school, sections, staff, editions, subscribers } = await readsFor(schoolId, async (tx) => ({
    school: await tx.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { slug: true, name: true, newspaperName: true, tagline: true, accentColor: true, timeZone: true, locale: true, currentSchoolYear: true, createdAt: true },
    }),
    sections: await tx.section.findMany({ where: { schoolId }, orderBy: { position: 'asc' }, select: { id: true, slug: true, name: true, description: true, position: true } }),
    staff: await tx.membership.findMany({
      where: { schoolId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, slug: true, displayName: true, role: true, status: true, staffTitle: true, classYear: true, graduationYear: true, bio: true, user: { select: { email: true } } },
    }),
    editions: await tx.edition.findMany({
      where: { schoolId },
      orderBy: [{ volume: 'asc' }, { number: 'asc' }],
      select: { volume: true, number: true, title: true, issueDate: true, status: true, publishedAt: true, items: { orderBy: { position: 'asc' }, select: { articleId: true } } },
    }),
    // The newsletter's readers, personal data like the staff's addresses (no tokens).
    subscribers: await tx.subscriber.findMany({
      where: { schoolId },
      orderBy: { createdAt: 'asc' },
      select: { email: true, status: true, lists: true, createdAt: true, confirmedAt: true, unsubscribedAt: true, suppressedReason: true },
    }),
  }));
  const head = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: new Date(),
    school,
    sections,
    staff: staff.map(({ user, ...member }) => ({ ...member, email: user.email })),
    editions: editions.map(({ items, ...edition }) => ({ ...edition, issueDate: edition.issueDate.toISOString().slice(0, 10), articleIds: items.map((item) => item.articleId) })),
    media: media.map(({ storageKey, ...item }) => ({ ...item, file: `media/${path.basename(storageKey)}` })),
    subscribers,
  };
  // The head's JSON, left open for the stories that follow.
  yield `${JSON.stringify(head, null, 1).replace(/\n}$/, '')},\n "articles": [`;
  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const page = await readsFor(schoolId, (tx) =>
      tx.article.findMany({
        where: { schoolId },
        orderBy: { id: 'asc' },
        take: STORIES_PER_READ,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          slug: true,
          status: true,
          sectionId: true,
          headline: true,
          deck: true,
          body: true,
          tags: true,
          featuredImage: true,
          createdAt: true,
          updatedAt: true,
          publishedAt: true,
          firstPublishedAt: true,
          scheduledFor: true,
          publishedRevision: { select: { number: true } },
          bylines: { orderBy: { position: 'asc' }, select: { membershipId: true, guestName: true, title: true } },
          revisions: {
            orderBy: { number: 'asc' },
            select: { number: true, kind: true, authorId: true, headline: true, deck: true, body: true, sectionId: true, tags: true, featuredImage: true, bylines: true, createdAt: true },
          },
          corrections: { orderBy: { createdAt: 'asc' }, select: { note: true, createdAt: true } },
          redirects: { orderBy: { path: 'asc' }, select: { path: true } },
        },
      }),
    );
    for (const { publishedRevision, redirects, ...article } of page) {
      yield `${first ? '' : ','}\n  ${JSON.stringify({ ...article, publishedRevisionNumber: publishedRevision?.number ?? null, oldAddresses: redirects.map((redirect) => redirect.path) })}`;
      first = false;
    }
    if (page.length < STORIES_PER_READ) break;
    cursor = page[page.length - 1]!.id;
  }
  yield '\n ]\n}\n';
}
