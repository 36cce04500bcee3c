// Image uploads: checked, re-encoded and resized before anything is stored. Re-encoding with sharp
// writes no metadata, which is the point: a phone photo's EXIF carries the GPS position of where
// it was taken — often a student's home — and that must never reach a public page.
import { randomBytes, createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import { dbFor, type Prisma } from '../db.ts';
import { fail, ok, parseInput, type Result } from '../result.ts';
import { sniffImageType } from './sniff.ts';
import { deleteObjects, putObject } from './storage.ts';
import { FULL_WIDTH_LIMIT, VARIANT_WIDTHS, extensionFor, mediaPath, type ServedImageType, type StoredImageType } from './variants.ts';

export const MAX_UPLOAD_BYTES = Number(process.env.MASTHEAD_MAX_UPLOAD_BYTES ?? 15 * 1024 * 1024);
const MAX_PIXELS = 60_000_000;

export const MediaDetails = z.object({
  alt: z.string().trim().max(500, 'Alt text can be at most 500 characters.').default(''),
  caption: z.string().trim().max(1000, 'A caption can be at most 1,000 characters.').default(''),
  credit: z.string().trim().max(200, 'A credit can be at most 200 characters.').default(''),
});

export interface UploadedImage {
  id: string;
  src: string;
  width: number;
  height: number;
  mimeType: StoredImageType;
  alt: string;
  caption: string;
  credit: string;
}

/** A file name fit to show back to people: no path, no control characters, bounded length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>"'`]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'upload';
}

export function encode(pipeline: Sharp, type: ServedImageType): Sharp {
  if (type === 'image/jpeg') return pipeline.jpeg({ quality: 82, mozjpeg: true });
  if (type === 'image/webp') return pipeline.webp({ quality: 82 });
  // Effort 2 of 9: a 1,600 px photo in about a second, still about 40 % smaller than WebP.
  if (type === 'image/avif') return pipeline.avif({ quality: 55, effort: 2 });
  return pipeline.png({ compressionLevel: 9 });
}

/** An image checked, re-encoded and stored, and the media row that will describe it: the row is
 * the caller's to write (an import writes a batch of them in one statement). */
export interface StoredImageFiles {
  row: Prisma.MediaCreateManyInput;
  image: UploadedImage;
  /** The stored renditions, to delete if the row is never written. */
  storageKeys: string[];
}

export async function uploadImage(actor: Actor, file: { bytes: Buffer; filename: string }, details: unknown = {}): Promise<Result<UploadedImage>> {
  const stored = await storeImageFiles(actor, file, details);
  if (!stored.ok) return stored;
  try {
    await dbFor(actor.schoolId).media.create({ data: stored.data.row });
  } catch (error) {
    await deleteObjects(stored.data.storageKeys);
    throw error;
  }
  return ok(stored.data.image);
}

/** The narrower renditions are made now (an upload from the editor, seen at once) or when first
 * asked for (an import of thousands of pictures, most of them never opened again; see serve.ts). */
export type VariantTiming = 'now' | 'on first request';

export async function storeImageFiles(actor: Actor, file: { bytes: Buffer; filename: string }, details: unknown = {}, variants: VariantTiming = 'now'): Promise<Result<StoredImageFiles>> {
  const allowed = requirePermission(actor, 'article.create');
  if (!allowed.ok) return allowed;
  const parsedDetails = parseInput(MediaDetails, details ?? {});
  if (!parsedDetails.ok) return parsedDetails;
  if (file.bytes.length === 0) return fail(422, 'The file is empty.', { file: 'The file is empty.' });
  if (file.bytes.length > MAX_UPLOAD_BYTES) {
    const limit = `${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB`;
    return fail(413, `Images can be at most ${limit}.`, { file: `This file is ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; images can be at most ${limit}.` });
  }
  const sniffed = sniffImageType(file.bytes);
  if (!sniffed) return fail(415, 'Only JPEG, PNG, GIF and WebP images can be uploaded.', { file: 'This file is not a JPEG, PNG, GIF or WebP image.' });
  // GIFs are stored as PNG (the first frame): article photos are stills, and PNG keeps them sharp.
  const type: StoredImageType = sniffed === 'image/gif' ? 'image/png' : sniffed;

  // rotate() applies the EXIF orientation to the pixels, since the EXIF itself is dropped.
  const source = sharp(file.bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  const full = await encode(source.clone().resize({ width: FULL_WIDTH_LIMIT, withoutEnlargement: true }), type)
    .toBuffer({ resolveWithObject: true })
    .catch(() => null);
  if (!full) return fail(422, 'This image could not be read; it may be damaged.', { file: 'This image could not be read; it may be damaged.' });
  const { width, height } = full.info;
  const fullBytes = full.data;

  const id = randomBytes(12).toString('hex');
  const ext = extensionFor(type);
  const prefix = `${actor.schoolId.toLowerCase()}/${id}`;
  const renditions: { width: number; height: number; storageKey: string; byteSize: number }[] = [];
  const stored: string[] = [];
  try {
    const fullKey = `${prefix}-full.${ext}`;
    await putObject(fullKey, fullBytes, type);
    stored.push(fullKey);
    for (const target of variants === 'now' ? VARIANT_WIDTHS.filter((candidate) => candidate < width) : []) {
      const variant = await encode(source.clone().resize({ width: target }), type).toBuffer({ resolveWithObject: true });
      const storageKey = `${prefix}-${target}.${ext}`;
      await putObject(storageKey, variant.data, type);
      stored.push(storageKey);
      renditions.push({ width: variant.info.width, height: variant.info.height, storageKey, byteSize: variant.data.length });
    }
  } catch (error) {
    await deleteObjects(stored);
    throw error;
  }
  const row: Prisma.MediaCreateManyInput = {
    id,
    schoolId: actor.schoolId,
    uploaderId: actor.membershipId,
    mimeType: type,
    byteSize: fullBytes.length,
    width,
    height,
    storageKey: stored[0]!,
    originalFilename: cleanFilename(file.filename),
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    variants: renditions,
    ...parsedDetails.data,
  };
  const image = { id, src: mediaPath(actor.schoolSlug, `${id}-full.${ext}`), width, height, mimeType: type, ...parsedDetails.data };
  return ok({ row, image, storageKeys: stored });
}
