// Moving a school's archive in from WordPress: posts become articles with their dates, slugs and
// status; categories become sections, tags stay tags; authors become staff members without a login
// (until invited) or guest bylines; images come from the site's uploads folder; every old permalink
// answers 301. Each thing imported is recorded by its WordPress id, so running the same export
// again updates what changed and duplicates nothing, and an interrupted import resumes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { PLATFORM, dbFor, transactionFor, type Prisma } from '../db.ts';
import { redirectKey } from '../articles/redirects.ts';
import { bylineRows, type StoredByline } from '../articles/bylines.ts';
import type { ArticleContent } from '../articles/content-hash.ts';
import { featuredImageColumn, type FeaturedImage } from '../articles/featured-image.ts';
import { readersSeeChange } from '../articles/live.ts';
import { docToPlainText, type ArticleDoc } from '../content/document.ts';
import { revisionSnapshot } from '../articles/revisions.ts';
import { slugify, uniqueArticleSlugs } from '../articles/slugs.ts';
import { refreshReaderIndex } from '../search/index-article.ts';
import { storeImageFiles } from '../media/upload.ts';
import { deleteObjects } from '../media/storage.ts';
import { storedImageSrc } from '../media/variants.ts';
import { uniqueMemberSlug } from '../people/members.ts';
import { fail, ok, type Result } from '../result.ts';
import type { ArticleStatus } from '../generated/prisma/enums.ts';
import { convertPost, decodeEntities, placeFigures, type PostImage } from './content.ts';
import type { WxrAuthor, WxrFile, WxrItem } from './wxr.ts';

const SOURCE = 'wordpress';
/** Posts prepared at once, and posts written per transaction (see importWordPress). */
const PREPARE_CONCURRENCY = Number(process.env.MASTHEAD_IMPORT_CONCURRENCY ?? 6);
const WRITE_BATCH = 50;

export interface ImportReport {
  posts: { created: number; updated: number; unchanged: number };
  sections: { created: number; matched: number };
  people: { members: number; guests: number };
  images: { imported: number; reused: number };
  redirects: number;
  /** What was not imported, and why. */
  skipped: { what: string; why: string }[];
  /** Image files the posts use that were not in the uploads folder (or no folder was given). */
  missingFiles: string[];
  /** Shortcodes met and removed (their text kept), with how many posts used each. */
  unknownShortcodes: Record<string, number>;
}

export interface ImportOptions {
  /** The site's wp-content/uploads folder, copied off the old server. */
  uploadsDir?: string;
  onProgress?: (done: number, total: number) => void;
  /** Stops the import between batches; what was written stays, and running it again carries on. */
  signal?: AbortSignal;
}

const STATUS: Record<string, ArticleStatus> = { publish: 'PUBLISHED', future: 'SCHEDULED', draft: 'DRAFT', pending: 'SUBMITTED', private: 'DRAFT' };

/** WordPress dates are "2024-05-12 14:03:00" (GMT in *_gmt, "0000-00-00 00:00:00" when unset). */
function wordpressDate(gmt: string, local: string): Date | null {
  for (const value of [gmt, local]) {
    if (value && !value.startsWith('0000')) {
      const date = new Date(`${value.replace(' ', 'T')}Z`);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  return null;
}

function decodeTitle(title: string): string {
  return decodeEntities(title)
    .replace(/<[^>]*>/g, '')
    .trim();
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The old addresses of a post: its permalink, and WordPress's "?p=" link. */
function oldAddresses(item: WxrItem): string[] {
  const keys = new Set<string>();
  for (const address of [item.link, item.guid, `/?p=${item.id}`]) {
    if (!address) continue;
    try {
      const url = new URL(address, 'https://old.example');
      const key = redirectKey(url.pathname, url.search);
      if (key) keys.add(key);
    } catch {
      // Not an address: nothing to redirect.
    }
  }
  return [...keys];
}

/** School-news themes (SNO and others) keep the printed byline in post meta: "writer", "jobtitle". */
function themeWriters(item: WxrItem): { names: string[]; title: string | null } {
  const writer = item.meta.writer ?? item.meta.sno_writer ?? '';
  const names = writer
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter(Boolean);
  return { names, title: (item.meta.jobtitle ?? item.meta.sno_jobtitle ?? '').trim() || null };
}

type Records = Map<string, { targetId: string; sourceHash: string }>;

async function loadRecords(schoolId: string, kind: string): Promise<Records> {
  const rows = await dbFor(schoolId).importRecord.findMany({ where: { schoolId, source: SOURCE, kind }, select: { sourceKey: true, targetId: true, sourceHash: true } });
  return new Map(rows.map((row) => [row.sourceKey, { targetId: row.targetId, sourceHash: row.sourceHash }]));
}

async function remember(tx: Prisma.TransactionClient, schoolId: string, kind: string, sourceKey: string, targetId: string, sourceHash = ''): Promise<void> {
  await rememberAll(tx, schoolId, kind, [{ sourceKey, targetId, sourceHash }]);
}

/** Records (or re-records) what several source records became, in two statements. */
async function rememberAll(tx: Prisma.TransactionClient, schoolId: string, kind: string, records: readonly { sourceKey: string; targetId: string; sourceHash?: string }[]): Promise<void> {
  const sourceKeys = records.map((record) => record.sourceKey);
  await tx.importRecord.deleteMany({ where: { schoolId, source: SOURCE, kind, sourceKey: { in: sourceKeys } } });
  await tx.importRecord.createMany({
    data: records.map((record) => ({ schoolId, source: SOURCE, kind, sourceKey: record.sourceKey, targetId: record.targetId, sourceHash: record.sourceHash ?? '' })),
  });
}

/** Sections for the categories posts use ("Uncategorized" is no section), matched by slug. */
async function importSections(actor: Actor, wxr: WxrFile, report: ImportReport): Promise<Map<string, string>> {
  const used = new Map<string, string>();
  for (const item of wxr.items) for (const category of item.categories) if (category.domain === 'category' && category.slug !== 'uncategorized') used.set(category.slug, category.name);
  const names = new Map(wxr.categories.map((category) => [category.slug, decodeTitle(category.name)]));
  const sections = new Map<string, string>();
  await transactionFor(actor.schoolId, async (tx) => {
    const existing = await tx.section.findMany({ where: { schoolId: actor.schoolId }, select: { id: true, slug: true, position: true } });
    let position = Math.max(-1, ...existing.map((section) => section.position));
    for (const [wpSlug, fallbackName] of used) {
      const slug = slugify(wpSlug) || 'section';
      const found = existing.find((section) => section.slug === slug);
      if (found) {
        report.sections.matched++;
        sections.set(wpSlug, found.id);
      } else {
        const created = await tx.section.create({ data: { schoolId: actor.schoolId, slug, name: names.get(wpSlug) ?? decodeTitle(fallbackName), position: ++position }, select: { id: true } });
        existing.push({ id: created.id, slug, position });
        report.sections.created++;
        sections.set(wpSlug, created.id);
      }
      await remember(tx, actor.schoolId, 'category', wpSlug, sections.get(wpSlug)!);
    }
  });
  return sections;
}

/** A staff member for each WordPress author with an e-mail address: the existing member with that
 * address, or a new one whose account has no password (they sign in once invited). */
async function importAuthors(actor: Actor, wxr: WxrFile, report: ImportReport): Promise<Map<string, string>> {
  const creators = new Set(wxr.items.filter((item) => item.type === 'post').map((item) => item.creator));
  const members = new Map<string, string>();
  const records = await loadRecords(actor.schoolId, 'author');
  for (const author of wxr.authors.filter((candidate) => creators.has(candidate.login))) {
    const known = records.get(author.login);
    if (known) {
      members.set(author.login, known.targetId);
      continue;
    }
    if (!author.email) continue;
    const name = decodeTitle(author.displayName || [author.firstName, author.lastName].filter(Boolean).join(' ') || author.login);
    const membershipId = await memberFor(actor, author, name);
    members.set(author.login, membershipId);
    report.people.members++;
  }
  return members;
}

async function memberFor(actor: Actor, author: WxrAuthor, name: string): Promise<string> {
  // Users are platform-wide (one account, many schools), so the address is looked up across schools.
  const user =
    (await dbFor(PLATFORM).user.findUnique({ where: { email: author.email }, select: { id: true } })) ??
    (await dbFor(PLATFORM).user.create({ data: { email: author.email, name, passwordHash: null }, select: { id: true } }));
  return transactionFor(actor.schoolId, async (tx) => {
    const existing = await tx.membership.findUnique({ where: { schoolId_userId: { schoolId: actor.schoolId, userId: user.id } }, select: { id: true } });
    const membershipId =
      existing?.id ??
      (
        await tx.membership.create({
          data: { schoolId: actor.schoolId, userId: user.id, role: 'REPORTER', displayName: name, slug: await uniqueMemberSlug(tx, actor.schoolId, name) },
          select: { id: true },
        })
      ).id;
    await remember(tx, actor.schoolId, 'author', author.login, membershipId);
    return membershipId;
  });
}

interface StoredImage {
  mediaId: string;
  src: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

/** The site's files under wp-content/uploads, addressed by the part of the URL after "uploads/". */
function uploadsPath(uploadsDir: string, url: string): string | null {
  const address = url.split('?')[0]!;
  // WordPress's own layout (2024/05/photo.jpg), or a flat folder of pictures (a Masthead export's).
  const relative = decodeURIComponent(/\/wp-content\/uploads\/(.+)$/.exec(address)?.[1] ?? address.split('/').pop() ?? '');
  if (!relative) return null;
  const full = path.resolve(uploadsDir, relative);
  // Never outside the folder, whatever the export says.
  return full.startsWith(path.resolve(uploadsDir) + path.sep) ? full : null;
}

class ImageLibrary {
  private readonly byKey = new Map<string, Promise<StoredImage | null>>();
  /** Pictures stored but not yet described in the database: written with the next batch of posts. */
  private unwritten: { row: Prisma.MediaCreateManyInput; key: string; storageKeys: string[] }[] = [];
  private readonly ownPicture: RegExp;
  constructor(
    private readonly actor: Actor,
    private readonly attachments: Map<string, WxrItem>,
    private readonly attachmentsByUrl: Map<string, WxrItem>,
    private readonly records: Records,
    private readonly report: ImportReport,
    private readonly uploadsDir: string | undefined,
  ) {
    this.ownPicture = new RegExp(`^(?:https?://[^/]+)?/${actor.schoolSlug}/media/([a-z0-9]+)-full\\.(?:jpg|png|webp)$`);
  }

  /** The stored copy of a post's image: reused when imported before, uploaded from the uploads
   * folder otherwise; null (and listed as missing) when the file is not there. */
  get(image: PostImage): Promise<StoredImage | null> {
    // WordPress links resized copies ("photo-300x200.jpg"); the attachment is the original.
    const originalUrl = image.src.replace(/-\d+x\d+(\.\w+)$/, '$1');
    const attachment = (image.attachmentId ? this.attachments.get(image.attachmentId) : undefined) ?? this.attachmentsByUrl.get(originalUrl) ?? this.attachmentsByUrl.get(image.src);
    const key = attachment?.id ?? originalUrl;
    // Two posts showing one picture, imported at once, share one upload.
    const pending = this.byKey.get(key);
    if (pending) return pending.then((stored) => stored && { ...stored, ...this.detailsFor(image, attachment, stored) });
    const loading = this.load(image, attachment, key, originalUrl);
    this.byKey.set(key, loading);
    return loading;
  }

  /** A post's featured image (WordPress's _thumbnail_id names its attachment), stored as the post's
   * other pictures are, and shared with them when it is one of them. */
  async featured(attachmentId: string | undefined): Promise<FeaturedImage | null> {
    const attachment = attachmentId ? this.attachments.get(attachmentId) : undefined;
    if (!attachment) return null;
    const stored = await this.get({ src: attachment.attachmentUrl, attachmentId: attachment.id, alt: '', caption: '', credit: '' });
    if (!stored?.width || !stored.height) return null;
    const { mediaId, src, width, height, alt, caption, credit } = stored;
    return { mediaId, src, width, height, alt, caption, credit, focalX: 0.5, focalY: 0.5 };
  }

  private detailsFor(image: PostImage, attachment: WxrItem | undefined, fallback?: Pick<StoredImage, 'alt' | 'caption' | 'credit'>) {
    return {
      alt: (image.alt || attachment?.meta._wp_attachment_image_alt || fallback?.alt || '').slice(0, 500),
      caption: (image.caption || attachment?.excerpt || '').slice(0, 1000),
      credit: (image.credit || attachment?.meta.credit || attachment?.meta.photo_credit || attachment?.meta.sno_photographer || '').slice(0, 200),
    };
  }

  private async reuse(mediaId: string, details: Pick<StoredImage, 'alt' | 'caption' | 'credit'>): Promise<StoredImage | null> {
    const media = await dbFor(this.actor.schoolId).media.findFirst({ where: { id: mediaId, schoolId: this.actor.schoolId }, select: { id: true, storageKey: true, width: true, height: true } });
    if (!media) return null;
    this.report.images.reused++;
    return { mediaId: media.id, src: storedImageSrc(this.actor.schoolSlug, media.storageKey), width: media.width, height: media.height, ...details };
  }

  private async load(image: PostImage, attachment: WxrItem | undefined, key: string, originalUrl: string): Promise<StoredImage | null> {
    const details = this.detailsFor(image, attachment);
    // One of this school's own pictures (a Masthead export imported back), or one imported before.
    const own = this.ownPicture.exec(image.src)?.[1];
    for (const mediaId of [own, this.records.get(key)?.targetId]) {
      const reused = mediaId ? await this.reuse(mediaId, details) : null;
      if (reused) return reused;
    }
    const file = this.uploadsDir ? uploadsPath(this.uploadsDir, attachment?.attachmentUrl || originalUrl) : null;
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (!bytes) {
      this.report.missingFiles.push(attachment?.attachmentUrl || image.src);
      return null;
    }
    const stored = await storeImageFiles(this.actor, { bytes, filename: path.basename(file!) }, details, 'on first request');
    if (!stored.ok) {
      this.report.skipped.push({ what: `image ${path.basename(file!)}`, why: stored.error });
      return null;
    }
    this.unwritten.push({ row: stored.data.row, key, storageKeys: stored.data.storageKeys });
    this.report.images.imported++;
    const { image: uploaded } = stored.data;
    return { mediaId: uploaded.id, src: uploaded.src, width: uploaded.width, height: uploaded.height, ...details };
  }

  /** Writes the rows of the pictures stored since the last call (two statements for any number). */
  async write(tx: Prisma.TransactionClient): Promise<void> {
    const batch = this.unwritten;
    this.unwritten = [];
    if (batch.length === 0) return;
    await tx.media.createMany({ data: batch.map((entry) => entry.row) });
    await rememberAll(
      tx,
      this.actor.schoolId,
      'attachment',
      batch.map((entry) => ({ sourceKey: entry.key, targetId: entry.row.id! })),
    );
  }

  /** Deletes the files of pictures whose rows were never written (the import stopped). */
  async discardUnwritten(): Promise<void> {
    const batch = this.unwritten;
    this.unwritten = [];
    await deleteObjects(batch.flatMap((entry) => entry.storageKeys));
  }
}

function figureOf(image: StoredImage): JSONContent {
  return { type: 'figure', attrs: { src: image.src, mediaId: image.mediaId, alt: image.alt, caption: image.caption, credit: image.credit, width: image.width, height: image.height } };
}

/** Imports a parsed export into the actor's school (the adviser's or a school admin's work). */
export async function importWordPress(actor: Actor, wxr: WxrFile, options: ImportOptions = {}): Promise<Result<ImportReport>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const report: ImportReport = {
    posts: { created: 0, updated: 0, unchanged: 0 },
    sections: { created: 0, matched: 0 },
    people: { members: 0, guests: 0 },
    images: { imported: 0, reused: 0 },
    redirects: 0,
    skipped: [],
    missingFiles: [],
    unknownShortcodes: {},
  };
  const sections = await importSections(actor, wxr, report);
  const members = await importAuthors(actor, wxr, report);
  const authorNames = new Map(wxr.authors.map((author) => [author.login, decodeTitle(author.displayName || author.login)]));
  const attachments = wxr.items.filter((item) => item.type === 'attachment');
  const images = new ImageLibrary(
    actor,
    new Map(attachments.map((item) => [item.id, item])),
    new Map(attachments.map((item) => [item.attachmentUrl, item])),
    await loadRecords(actor.schoolId, 'attachment'),
    report,
    options.uploadsDir,
  );
  const postRecords = await loadRecords(actor.schoolId, 'post');
  const staffByName = new Map(
    (await dbFor(actor.schoolId).membership.findMany({ where: { schoolId: actor.schoolId, status: { not: 'DEACTIVATED' } }, select: { id: true, displayName: true } })).map((member) => [
      member.displayName.toLowerCase(),
      member.id,
    ]),
  );

  const skippedTypes = new Map<string, number>();
  const posts = wxr.items.filter((item) => {
    if (item.type === 'post' && STATUS[item.status]) return true;
    if (item.type === 'post') report.skipped.push({ what: `post ${item.id} “${decodeTitle(item.title)}”`, why: `its status is “${item.status}” (trash and automatic drafts are left behind)` });
    else if (item.type !== 'attachment') skippedTypes.set(item.type, (skippedTypes.get(item.type) ?? 0) + 1);
    return false;
  });
  for (const [type, count] of skippedTypes)
    report.skipped.push({
      what: `${count} item${count > 1 ? 's' : ''} of type “${type}”`,
      why: type === 'page' ? 'Masthead has no free-standing pages; copy what they say into the school settings or a story' : 'not a post',
    });
  const comments = posts.reduce((sum, item) => sum + item.comments.length, 0);
  if (comments > 0) report.skipped.push({ what: `${comments} reader comment${comments > 1 ? 's' : ''}`, why: 'Masthead has no reader comments yet; they stay in the export file' });

  // Posts are prepared (converted, their pictures stored) a few at a time, since a post mostly
  // waits on sharp's threads, and written a batch per transaction with a dozen statements for the
  // whole batch: one transaction per post spent most of an import in PostgreSQL round trips.
  const prepare = async (item: WxrItem): Promise<PreparedPost | null> => {
    const status = STATUS[item.status]!;
    const writers = themeWriters(item);
    const bylines: StoredByline[] =
      writers.names.length > 0
        ? writers.names.map((name) => {
            const membershipId = staffByName.get(name.toLowerCase()) ?? null;
            return { membershipId, guestName: membershipId ? null : name, title: writers.title ?? 'Student Reporter' };
          })
        : members.has(item.creator)
          ? [{ membershipId: members.get(item.creator)!, guestName: null, title: 'Student Reporter' }]
          : [{ membershipId: null, guestName: authorNames.get(item.creator) ?? item.creator ?? 'Staff', title: 'Student Reporter' }];
    const categories = item.categories.filter((category) => category.domain === 'category' && sections.has(category.slug));
    const tags = [...new Set(item.categories.filter((category) => category.domain === 'post_tag').map((category) => decodeTitle(category.name).slice(0, 40)))].slice(0, 20);
    // A post's featured image counts only where it has one: a post without one keeps the record an
    // earlier import left, and one with one is imported again to gain it.
    const thumbnail = item.meta._thumbnail_id || undefined;
    const sourceHash = hashOf([
      item.title,
      item.content,
      item.excerpt,
      item.status,
      item.postDateGmt,
      item.slug,
      item.creator,
      item.categories,
      item.meta.writer,
      item.meta.jobtitle,
      ...(thumbnail ? [thumbnail] : []),
    ]);
    const known = postRecords.get(item.id);
    if (known && known.sourceHash === sourceHash) {
      report.posts.unchanged++;
      return null;
    }
    report.people.guests += bylines.filter((byline) => byline.guestName).length;
    const converted = convertPost(item.content);
    for (const name of converted.unknownShortcodes) report.unknownShortcodes[name] = (report.unknownShortcodes[name] ?? 0) + 1;
    const stored = await Promise.all(converted.images.map((image) => images.get(image)));
    const body = placeFigures(converted.doc, (at) => (stored[at] ? figureOf(stored[at]!) : null));
    const featuredImage = await images.featured(thumbnail);
    const headline = decodeTitle(item.title).slice(0, 300) || 'Untitled';
    return {
      item,
      status,
      date: wordpressDate(item.postDateGmt, item.postDate) ?? new Date(),
      knownId: known?.targetId ?? null,
      creatorId: members.get(item.creator) ?? null,
      sourceHash,
      slugBase: decodeURIComponent(item.slug || '') || headline,
      content: { headline, deck: decodeTitle(item.excerpt).slice(0, 500), body, sectionId: categories[0] ? sections.get(categories[0].slug)! : null, tags, featuredImage },
      bylines,
    };
  };

  let changedLive = false;
  let done = 0;
  const write = async (batch: PreparedPost[]): Promise<void> => {
    const written = await transactionFor(actor.schoolId, async (tx) => {
      await images.write(tx);
      return batch.length > 0 ? writePosts(tx, actor, batch, report) : [];
    });
    for (const post of written) postRecords.set(post.item.id, { targetId: post.articleId, sourceHash: post.sourceHash });
    if (batch.some((post) => post.status === 'PUBLISHED' || post.knownId)) changedLive = true;
  };

  options.onProgress?.(0, posts.length);
  try {
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < posts.length; start += WRITE_BATCH) {
      if (options.signal?.aborted) break;
      const slice = posts.slice(start, start + WRITE_BATCH);
      const prepared = (await mapConcurrently(slice, PREPARE_CONCURRENCY, prepare)).filter((post): post is PreparedPost => post !== null);
      // The previous batch is written while this one was prepared; one writer at a time keeps the
      // order of slugs ("story", "story-2") the order of the export.
      await writing;
      writing = write(prepared).then(() => {
        done += slice.length;
        options.onProgress?.(done, posts.length);
      });
    }
    await writing;
  } finally {
    await images.discardUnwritten();
  }
  if (options.signal?.aborted) return fail(409, 'The import was stopped before it finished; run it again to carry on where it stopped.');
  // Readers' pages (and the page cache) move on once, for the whole import.
  // New sections count: every reader page lists them.
  if (changedLive || report.sections.created > 0) await transactionFor(actor.schoolId, (tx) => readersSeeChange(tx, actor.schoolId));
  return ok(report);
}

interface PreparedPost {
  item: WxrItem;
  status: ArticleStatus;
  date: Date;
  /** The article this post became in an earlier import, if any. */
  knownId: string | null;
  /** The staff member the post's WordPress author became. */
  creatorId: string | null;
  sourceHash: string;
  slugBase: string;
  content: ArticleContent & { body: ArticleDoc; featuredImage: FeaturedImage | null };
  bylines: StoredByline[];
}

/** Runs `work` over `items`, at most `limit` at once, keeping the order of the results. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Writes a batch of prepared posts: new ones created, earlier imports updated, each with its
 * bylines, an IMPORT revision (approved and live as its WordPress status says), search index,
 * audit entry, old addresses and import record — in about a dozen statements for the batch. */
async function writePosts(tx: Prisma.TransactionClient, actor: Actor, batch: readonly PreparedPost[], report: ImportReport): Promise<(PreparedPost & { articleId: string })[]> {
  const { schoolId } = actor;
  const knownIds = batch.flatMap((post) => (post.knownId ? [post.knownId] : []));
  // An article imported before and deleted since is imported again.
  const stillThere = new Set(knownIds.length > 0 ? (await tx.article.findMany({ where: { schoolId, id: { in: knownIds } }, select: { id: true } })).map((row) => row.id) : []);
  const existingId = (post: PreparedPost) => (post.knownId && stillThere.has(post.knownId) ? post.knownId : null);
  const slugs = await uniqueArticleSlugs(
    tx,
    schoolId,
    batch.map((post) => ({ headline: post.slugBase, articleId: existingId(post) })),
  );
  const fieldsOf = (post: PreparedPost, at: number) => ({
    ...post.content,
    featuredImage: featuredImageColumn(post.content.featuredImage),
    slug: slugs[at]!,
    status: post.status,
    bodyText: docToPlainText(post.content.body),
    publishedAt: post.status === 'PUBLISHED' ? post.date : null,
    firstPublishedAt: post.status === 'PUBLISHED' ? post.date : null,
    scheduledFor: post.status === 'SCHEDULED' ? post.date : null,
  });

  const created = await tx.article.createManyAndReturn({
    data: batch.flatMap((post, at) => (existingId(post) ? [] : [{ schoolId, createdById: post.creatorId, createdAt: post.date, ...fieldsOf(post, at) }])),
    select: { id: true, slug: true },
  });
  const createdBySlug = new Map(created.map((row) => [row.slug, row.id]));
  const updatedIds = batch.flatMap((post) => existingId(post) ?? []);
  for (const [at, post] of batch.entries()) {
    const id = existingId(post);
    if (id) await tx.article.update({ where: { id }, data: { ...fieldsOf(post, at), version: { increment: 1 } } });
  }
  const posts = batch.map((post, at) => ({ ...post, articleId: existingId(post) ?? createdBySlug.get(slugs[at]!)! }));
  const articleIds = posts.map((post) => post.articleId);

  if (updatedIds.length > 0) await tx.byline.deleteMany({ where: { schoolId, articleId: { in: updatedIds } } });
  await tx.byline.createMany({ data: posts.flatMap((post) => bylineRows(schoolId, post.articleId, post.bylines)) });

  const latest = updatedIds.length > 0 ? await tx.articleRevision.groupBy({ by: ['articleId'], where: { schoolId, articleId: { in: updatedIds } }, _max: { number: true } }) : [];
  const lastNumber = new Map(latest.map((row) => [row.articleId, row._max.number ?? 0]));
  const revisions = await tx.articleRevision.createManyAndReturn({
    data: posts.map((post) => ({
      schoolId,
      articleId: post.articleId,
      number: (lastNumber.get(post.articleId) ?? 0) + 1,
      kind: 'IMPORT' as const,
      authorId: actor.membershipId,
      ...revisionSnapshot(post.content, post.bylines),
    })),
    select: { id: true, articleId: true },
  });
  const revisionIds = revisions.map((revision) => revision.id);
  // What WordPress published (or scheduled) is approved as imported, and what it published is live.
  await tx.$executeRaw`
    UPDATE articles a SET
      "approvedRevisionId" = CASE WHEN a.status IN ('PUBLISHED', 'SCHEDULED') THEN r.id END,
      "approvedContentHash" = CASE WHEN a.status IN ('PUBLISHED', 'SCHEDULED') THEN r."contentHash" END,
      "publishedRevisionId" = CASE WHEN a.status = 'PUBLISHED' THEN r.id END
    FROM article_revisions r
    WHERE r.id = ANY(${revisionIds}::text[]) AND a.id = r."articleId"`;
  await refreshReaderIndex(tx, articleIds);
  const revisionOf = new Map(revisions.map((revision) => [revision.articleId, revision.id]));
  await tx.workflowEvent.createMany({
    data: posts.map((post) => ({
      schoolId,
      articleId: post.articleId,
      actorId: actor.membershipId,
      actorRole: actor.role,
      action: 'import',
      toStatus: post.status,
      revisionId: revisionOf.get(post.articleId)!,
      comment: `Imported from WordPress (post ${post.item.id}).`,
    })),
  });
  const added = await tx.articleRedirect.createMany({
    data: posts.flatMap((post) => oldAddresses(post.item).map((address) => ({ schoolId, path: address, articleId: post.articleId }))),
    skipDuplicates: true,
  });
  report.redirects += added.count;
  await rememberAll(
    tx,
    schoolId,
    'post',
    posts.map((post) => ({ sourceKey: post.item.id, targetId: post.articleId, sourceHash: post.sourceHash })),
  );
  report.posts.updated += updatedIds.length;
  report.posts.created += posts.length - updatedIds.length;
  return posts;
}
