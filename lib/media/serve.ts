// Reading an upload back for a reader's browser: only files of the school in the address. A
// narrower rendition that was not made at upload (imports leave them for later), or one in a modern
// format (AVIF, WebP), is made from the full one the first time it is asked for, and kept.
import sharp from 'sharp';
import { dbFor } from '../db.ts';
import { getObject, isStorageKey, putObject } from './storage.ts';
import { encode } from './upload.ts';
import { AS_UPLOADED_EXTENSIONS, AS_UPLOADED_TYPES, type AsUploadedExtension, MODERN_FORMATS, SERVED_TYPES, VARIANT_WIDTHS, type ServedImageType } from './variants.ts';

const FILE_NAME = new RegExp(`^([a-z0-9]+)-(\\d+|full)\\.(jpg|png|webp|avif|${AS_UPLOADED_EXTENSIONS})$`);

export async function readMediaFile(schoolId: string, fileName: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = FILE_NAME.exec(fileName);
  if (!match) return null;
  const [, id, size, ext] = match;
  // The media row must belong to this school: a file name from another school's page finds nothing.
  const media = await dbFor(schoolId).media.findFirst({ where: { id: id!, schoolId }, select: { id: true, mimeType: true, width: true, storageKey: true } });
  if (!media) return null;
  const key = `${schoolId.toLowerCase()}/${fileName}`;
  if (!isStorageKey(key)) return null;
  // Audio, video and captions are kept as uploaded (their metadata cut off): no renditions to make.
  const asUploaded = AS_UPLOADED_TYPES[ext as AsUploadedExtension];
  if (asUploaded) return size === 'full' ? mapped(await getObject(key), asUploaded) : null;
  const contentType = SERVED_TYPES[ext!]!;
  const bytes = (await getObject(key)) ?? (await makeRendition(media, key, size === 'full' ? null : Number(size), contentType));
  return mapped(bytes, contentType);
}

const mapped = (bytes: Buffer | null, contentType: string) => (bytes ? { bytes, contentType } : null);

/** A rendition made from the full one: of a listed width narrower than the picture, in its own
 * format or a modern one, or full size in a modern one. Nothing for any other name, so an address
 * cannot make us resize to arbitrary sizes or encode to arbitrary formats. */
async function makeRendition(media: { mimeType: string; width: number | null; storageKey: string }, key: string, width: number | null, type: ServedImageType): Promise<Buffer | null> {
  // Only pictures have renditions: a recording or a video asked for as an image is not one.
  if (!media.mimeType.startsWith('image/')) return null;
  const ownFormat = key.endsWith(media.storageKey.slice(media.storageKey.lastIndexOf('.')));
  const modern = MODERN_FORMATS.some((format) => format.type === type);
  if (!ownFormat && !modern) return null;
  if (width === null ? ownFormat : !(VARIANT_WIDTHS as readonly number[]).includes(width) || !media.width || width >= media.width) return null;
  const full = await getObject(media.storageKey);
  if (!full) return null;
  const bytes = await encode(width === null ? sharp(full) : sharp(full).resize({ width }), type).toBuffer();
  // Two readers asking at once both make it; the second write replaces the first with the same bytes.
  await putObject(key, bytes, type);
  return bytes;
}
