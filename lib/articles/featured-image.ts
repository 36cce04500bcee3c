// A story's featured image: the photo that stands for it on the front page, section and issue
// lists, its own page's head, link previews and feeds. It is part of the story's content, like the
// headline: saved with the working copy, kept in every revision, covered by the approval, and what
// readers see is the published revision's.
import { z } from 'zod';
import { Prisma } from '../db.ts';
import { SERVED_TYPES, storedImageSrc } from '../media/variants.ts';
import { schoolMediaUrl } from '../tenants/urls.ts';
import { fail, ok, type Result } from '../result.ts';

// Kept exactly as typed, as the headline is: a save echoes the editor's state (drafts.ts).
export const FeaturedImageInput = z.object({
  mediaId: z.string().min(1, 'Choose an image.').max(40),
  alt: z.string().max(500, 'Alt text can be at most 500 characters.'),
  caption: z.string().max(1000, 'A caption can be at most 1,000 characters.'),
  credit: z.string().max(200, 'A credit can be at most 200 characters.'),
  // The point a crop keeps in view, as fractions of the width and height (0.5, 0.5 is the centre).
  focalX: z.number().min(0, 'The focal point must lie inside the image.').max(1, 'The focal point must lie inside the image.').default(0.5),
  focalY: z.number().min(0, 'The focal point must lie inside the image.').max(1, 'The focal point must lie inside the image.').default(0.5),
});
export type FeaturedImageInput = z.output<typeof FeaturedImageInput>;

/** As stored: the input, and what the upload says of the file (never taken from the client). */
const StoredFeaturedImage = FeaturedImageInput.extend({ src: z.string(), width: z.number().int().positive(), height: z.number().int().positive() });
export type FeaturedImage = z.output<typeof StoredFeaturedImage>;

/** The stored JSON as a featured image; null when there is none (or the row predates them). */
export function storedFeaturedImage(value: unknown): FeaturedImage | null {
  const parsed = StoredFeaturedImage.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What an approval covers: the choice of photo and everything said about it; src and size follow
 * from the photo. */
export function featuredImageContent(image: FeaturedImage): FeaturedImageInput {
  const { mediaId, alt, caption, credit, focalX, focalY } = image;
  return { mediaId, alt, caption, credit, focalX, focalY };
}

/** For a Json? column: SQL NULL when there is no image. */
export function featuredImageColumn(image: FeaturedImage | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return image ?? Prisma.DbNull;
}

/**
 * The featured image a save asks for, checked against the school: `undefined` keeps the current
 * one (a client that does not know about featured images leaves them alone), null removes it, and
 * a new photo must be one of this school's uploads. Only a changed photo costs a query.
 */
export async function resolveFeaturedImage(
  tx: Prisma.TransactionClient,
  school: { schoolId: string; schoolSlug: string },
  requested: FeaturedImageInput | null | undefined,
  current: FeaturedImage | null,
): Promise<Result<FeaturedImage | null>> {
  if (requested === undefined) return ok(current);
  if (requested === null) return ok(null);
  if (current && current.mediaId === requested.mediaId) return ok({ ...requested, src: current.src, width: current.width, height: current.height });
  const media = await tx.media.findFirst({ where: { id: requested.mediaId, schoolId: school.schoolId }, select: { id: true, width: true, height: true, storageKey: true } });
  if (!media || !media.width || !media.height) return fail(422, 'Some fields need attention.', { featuredImage: 'Choose an image uploaded to this newspaper.' });
  return ok({ ...requested, src: storedImageSrc(school.schoolSlug, media.storageKey), width: media.width, height: media.height });
}

/** The image's public address, for link previews and feeds (which need absolute URLs). */
export function featuredImageUrl(school: { slug: string }, image: FeaturedImage): string {
  return schoolMediaUrl(school, image.src);
}

/** The image's media type, by its file name (the full rendition is in the upload's own format). */
export function featuredImageType(image: FeaturedImage): string {
  return SERVED_TYPES[image.src.slice(image.src.lastIndexOf('.') + 1)] ?? 'image/jpeg';
}
