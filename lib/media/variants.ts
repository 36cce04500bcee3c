// Responsive renditions of an uploaded image. The article renderer derives srcset from the same
// list, so the widths are defined once.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const FULL_WIDTH_LIMIT = 2400;

const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type StoredImageType = keyof typeof EXTENSION;

export function extensionFor(type: StoredImageType): string {
  return EXTENSION[type];
}

// Smaller encodings of the same picture, best first, for browsers that take them (a <picture>'s
// <source>s). Made from the full rendition the first time one is asked for, and kept (serve.ts):
// AVIF takes about a second of CPU at 1,600 px, too slow to make every one at upload.
export const MODERN_FORMATS = [
  { type: 'image/avif', ext: 'avif' },
  { type: 'image/webp', ext: 'webp' },
] as const;
export type ServedImageType = StoredImageType | (typeof MODERN_FORMATS)[number]['type'];
export const SERVED_TYPES: Record<string, ServedImageType> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

/** Files kept as uploaded, with no renditions: audio, video and captions, by extension. */
export const AS_UPLOADED_TYPES = { mp3: 'audio/mpeg', mp4: 'video/mp4', webm: 'video/webm', vtt: 'text/vtt; charset=utf-8' } as const;
export type AsUploadedExtension = keyof typeof AS_UPLOADED_TYPES;
export const VIDEO_EXTENSIONS = ['mp4', 'webm'] as const satisfies readonly AsUploadedExtension[];

/** "mp3|mp4|webm|vtt", for the patterns of file names and storage keys. */
export const AS_UPLOADED_EXTENSIONS = Object.keys(AS_UPLOADED_TYPES).join('|');
const AS_UPLOADED_SRC = new RegExp(`^/[a-z0-9-]+/media/([a-z0-9]+)-full\\.(${AS_UPLOADED_EXTENSIONS})$`);

/** For the address of one of our uploads kept as uploaded (/<school>/media/<id>-full.<ext>), its
 * media id; null for any other address, or another kind of file. */
export function asUploadedMediaId(src: string, ext: AsUploadedExtension | readonly AsUploadedExtension[]): string | null {
  const match = AS_UPLOADED_SRC.exec(src);
  return match && ([] as readonly string[]).concat(ext).includes(match[2]!) ? match[1]! : null;
}

/** The media type of a file kept as uploaded, by the extension its address ends in. */
export function asUploadedType(src: string): string | undefined {
  return AS_UPLOADED_TYPES[src.slice(src.lastIndexOf('.') + 1) as AsUploadedExtension];
}

/** The public path of one rendition: /<school>/media/<media id>-<width>.<ext>. */
export function mediaPath(schoolSlug: string, fileName: string): string {
  return `/${schoolSlug}/media/${fileName}`;
}

const MEDIA_SRC = /^\/([a-z0-9-]+)\/media\/([a-z0-9]+)-(\d+|full)\.(jpg|png|webp)$/;

/** The public address of a stored rendition, by its storage key (<school id>/<file name>). */
export function storedImageSrc(schoolSlug: string, storageKey: string): string {
  return mediaPath(schoolSlug, storageKey.slice(storageKey.lastIndexOf('/') + 1));
}

/** Whether an image address is one of our uploads' renditions (/<school>/media/<id>-<size>.<ext>). */
export function isOwnMediaSrc(src: string): boolean {
  return MEDIA_SRC.test(src);
}

/** An image address fit for a reader's page: our own (a path) or https, never protocol-relative. */
export function safeImageSrc(src: unknown): string {
  return typeof src === 'string' && (src.startsWith('/') || /^https:\/\//.test(src)) && !src.startsWith('//') ? src : '';
}

/** For an image src of ours, the srcset of its renditions narrower than the image itself, in its
 * own format or (`ext`) another one. */
export function srcsetFor(src: string, width: number | null, ext?: string): string | null {
  const match = MEDIA_SRC.exec(src);
  if (!match || !width) return null;
  const [, school, id, , ownExt] = match;
  const format = ext ?? ownExt;
  const widths: number[] = VARIANT_WIDTHS.filter((candidate) => candidate < width);
  const entries = widths.map((candidate) => `${mediaPath(school!, `${id}-${candidate}.${format}`)} ${candidate}w`);
  entries.push(`${mediaPath(school!, `${id}-full.${format}`)} ${Math.min(width, FULL_WIDTH_LIMIT)}w`);
  return entries.join(', ');
}

/** The <source>s of a <picture> for an image src of ours: each modern format it is not already in. */
export function pictureSourcesFor(src: string, width: number | null): { type: string; srcSet: string }[] {
  const ownExt = MEDIA_SRC.exec(src)?.[4];
  if (!ownExt) return [];
  return MODERN_FORMATS.filter((format) => format.ext !== ownExt).flatMap((format) => {
    const srcSet = srcsetFor(src, width, format.ext);
    return srcSet ? [{ type: format.type, srcSet }] : [];
  });
}
