// The media library: every upload of the school (photos, audio, video), searchable by what is said
// about it (caption, credit, alt text, file name) and by who uploaded it, each with its usage rights
// — may the paper publish it, and on what terms. The newsroom's library page and the editor's
// "From the library" picker both read it, so a photo is uploaded once and used again.
import { z } from 'zod';
import { can, requirePermission, type Actor } from '../auth/actor.ts';
import { dbFor, Prisma } from '../db.ts';
import type { UsageRights } from '../generated/prisma/enums.ts';
import { fail, missing, ok, parseInput, type Result } from '../result.ts';
import { storedImageSrc } from './variants.ts';
import { nodesOfType, type ArticleDoc } from '../content/document.ts';
import { galleryPhotos } from '../content/gallery.ts';
import { storedFeaturedImage } from '../articles/featured-image.ts';

export const USAGE_RIGHTS = {
  UNKNOWN: { label: 'Not recorded yet', needsNote: false },
  STAFF: { label: 'Our staff’s own work', needsNote: false },
  PERMISSION: { label: 'Used with permission', needsNote: true },
  CREATIVE_COMMONS: { label: 'Open licence (Creative Commons)', needsNote: true },
  PUBLIC_DOMAIN: { label: 'Public domain', needsNote: false },
  HANDOUT: { label: 'Handout, supplied for publication', needsNote: false },
} as const satisfies Record<UsageRights, { label: string; needsNote: boolean }>;

/** What the library lists, by the start of the file's type. */
export const LIBRARY_KINDS = { image: 'Photos', audio: 'Audio', video: 'Video' } as const;
export type LibraryKind = keyof typeof LIBRARY_KINDS;

export const LIBRARY_PAGE_SIZE = 48;

export const LibraryQuery = z.object({
  q: z.string().trim().max(200, 'Search for at most 200 characters.').default(''),
  kind: z.enum(Object.keys(LIBRARY_KINDS) as [LibraryKind, ...LibraryKind[]]).optional(),
  rights: z.enum(Object.keys(USAGE_RIGHTS) as [UsageRights, ...UsageRights[]]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export interface LibraryItem {
  id: string;
  src: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  duration: number | null;
  alt: string;
  caption: string;
  credit: string;
  usageRights: UsageRights;
  rightsNote: string;
  originalFilename: string;
  uploadedBy: string | null;
  createdAt: Date;
  /** Whether this member may change what is said about it. */
  editable: boolean;
}

/** The words searched for as a prefix query ("foot ball" finds "football ballot"): letters and
 * digits only, a possessive read as its noun ("court's" finds "court"). */
function prefixQuery(text: string): string | null {
  const words = (
    text
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 8);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : null;
}

const SEARCHED_TEXT = Prisma.sql`to_tsvector('simple', coalesce(m."caption", '') || ' ' || coalesce(m."credit", '') || ' ' || coalesce(m."alt", '') || ' ' || coalesce(m."originalFilename", ''))`;

/** One page of the school's library, newest first: the uploads that match the search and filters. */
export async function searchMediaLibrary(actor: Actor, input: unknown): Promise<Result<{ items: LibraryItem[]; page: number; pages: number; total: number }>> {
  const allowed = requirePermission(actor, 'newsroom.view');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(LibraryQuery, input);
  if (!parsed.ok) return parsed;
  const { q, kind, rights, page } = parsed.data;
  const words = prefixQuery(q);
  const conditions = [Prisma.sql`m."schoolId" = ${actor.schoolId}`, Prisma.sql`m."mimeType" NOT LIKE 'text/%'`];
  if (kind) conditions.push(Prisma.sql`m."mimeType" LIKE ${`${kind}/%`}`);
  if (rights) conditions.push(Prisma.sql`m."usageRights" = ${rights}::"UsageRights"`);
  // The uploader's name is searched too: "Andrew" finds what Andrew uploaded as well as what credits him.
  if (words)
    conditions.push(
      Prisma.sql`(${SEARCHED_TEXT} @@ to_tsquery('simple', ${words}) OR m."uploaderId" IN (SELECT u.id FROM memberships u WHERE u."schoolId" = ${actor.schoolId} AND to_tsvector('simple', u."displayName") @@ to_tsquery('simple', ${words})))`,
    );
  const where = Prisma.join(conditions, ' AND ');
  const db = dbFor(actor.schoolId);
  const [counted] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM media m WHERE ${where}`;
  const total = counted?.count ?? 0;
  const rows = await db.$queryRaw<(Omit<LibraryItem, 'src' | 'editable'> & { storageKey: string; uploaderId: string | null })[]>`
    SELECT m.id, m."mimeType", m.width, m.height, m.duration, m.alt, m.caption, m.credit, m."usageRights"::text AS "usageRights", m."rightsNote",
           m."originalFilename", m."storageKey", m."uploaderId", m."createdAt", u."displayName" AS "uploadedBy"
      FROM media m LEFT JOIN memberships u ON u.id = m."uploaderId" AND u."schoolId" = m."schoolId"
     WHERE ${where}
     ORDER BY m."createdAt" DESC, m.id DESC
     LIMIT ${LIBRARY_PAGE_SIZE} OFFSET ${(page - 1) * LIBRARY_PAGE_SIZE}`;
  const editsAll = can(actor, 'article.editAny');
  const items = rows.map(({ storageKey, uploaderId, ...row }) => ({
    ...row,
    src: storedImageSrc(actor.schoolSlug, storageKey),
    editable: editsAll || uploaderId === actor.membershipId,
  }));
  return ok({ items, page, pages: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)), total });
}

export const MediaDetailsInput = z
  .object({
    alt: z.string().trim().max(500, 'Alt text can be at most 500 characters.'),
    caption: z.string().trim().max(1000, 'A caption can be at most 1,000 characters.'),
    credit: z.string().trim().max(200, 'A credit can be at most 200 characters.'),
    usageRights: z.enum(Object.keys(USAGE_RIGHTS) as [UsageRights, ...UsageRights[]], { error: 'Choose the usage rights.' }),
    rightsNote: z.string().trim().max(500, 'The note can be at most 500 characters.'),
  })
  .superRefine((details, context) => {
    if (USAGE_RIGHTS[details.usageRights].needsNote && !details.rightsNote)
      context.addIssue({
        code: 'custom',
        path: ['rightsNote'],
        message: details.usageRights === 'PERMISSION' ? 'Say who gave permission, and when.' : 'Name the licence (for example CC BY 4.0) and where the work came from.',
      });
  });

/** Records what is said about an upload and on what terms it may be used: its uploader or an editor. */
export async function updateMediaDetails(actor: Actor, mediaId: string, input: unknown): Promise<Result<{ id: string }>> {
  const parsed = parseInput(MediaDetailsInput, input);
  if (!parsed.ok) return parsed;
  const db = dbFor(actor.schoolId);
  const media = await db.media.findFirst({ where: { id: mediaId, schoolId: actor.schoolId }, select: { id: true, uploaderId: true } });
  if (!media) return missing('media');
  if (media.uploaderId !== actor.membershipId && !can(actor, 'article.editAny')) return fail(403, 'Only its uploader or an editor may change what is recorded about an upload.');
  await db.media.update({ where: { id: media.id }, data: parsed.data });
  return ok({ id: media.id });
}

/**
 * When a story is published, its photos' alt text, captions and credits fill in what the library
 * has not recorded about those uploads (reporters describe a photo in the story, after uploading
 * it), so the library finds them by those words. What someone wrote in the library is kept.
 */
export async function rememberPhotoDetails(tx: Prisma.TransactionClient, schoolId: string, body: unknown, featuredImage: unknown): Promise<void> {
  const described = [
    ...nodesOfType(body as ArticleDoc, 'figure'),
    ...nodesOfType(body as ArticleDoc, 'gallery').flatMap((gallery) => galleryPhotos(gallery.photos)),
    ...[storedFeaturedImage(featuredImage)].filter((image) => image !== null),
  ].flatMap((photo) => (typeof photo.mediaId === 'string' ? [{ id: photo.mediaId, alt: String(photo.alt ?? ''), caption: String(photo.caption ?? ''), credit: String(photo.credit ?? '') }] : []));
  if (described.length === 0) return;
  await tx.$executeRaw`
    UPDATE media m
       SET alt = CASE WHEN m.alt = '' THEN v.alt ELSE m.alt END,
           caption = CASE WHEN m.caption = '' THEN v.caption ELSE m.caption END,
           credit = CASE WHEN m.credit = '' THEN v.credit ELSE m.credit END
      FROM (SELECT DISTINCT ON (id) * FROM unnest(${described.map((photo) => photo.id)}::text[], ${described.map((photo) => photo.alt)}::text[],
                   ${described.map((photo) => photo.caption)}::text[], ${described.map((photo) => photo.credit)}::text[]) AS d(id, alt, caption, credit)) v
     WHERE m.id = v.id AND m."schoolId" = ${schoolId} AND (m.alt = '' OR m.caption = '' OR m.credit = '')`;
}
