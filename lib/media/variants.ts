// Responsive renditions of an uploaded image. The article renderer derives srcset from the same
// list, so the widths are defined once.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
export const FULL_WIDTH_LIMIT = 2400;

const EXTENSION = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type StoredImageType = keyof typeof EXTENSION;

export function extensionFor(type: StoredImageType): string {
  return EXTENSION[type];
}

/** The public path of one rendition: /<school>/media/<media id>-<width>.<ext>. */
export function mediaPath(schoolSlug: string, fileName: string): string {
  return `/${schoolSlug}/media/${fileName}`;
}

const MEDIA_SRC = /^\/([a-z0-9-]+)\/media\/([a-z0-9]+)-(\d+|full)\.(jpg|png|webp)$/;

/** For an image src of ours, the srcset of its renditions narrower than the image itself. */
export function srcsetFor(src: string, width: number | null): string | null {
  const match = MEDIA_SRC.exec(src);
  if (!match || !width) return null;
  const [, school, id, , ext] = match;
  const widths: number[] = VARIANT_WIDTHS.filter((candidate) => candidate < width);
  const entries = widths.map((candidate) => `${mediaPath(school!, `${id}-${candidate}.${ext}`)} ${candidate}w`);
  entries.push(`${mediaPath(school!, `${id}-full.${ext}`)} ${Math.min(width, FULL_WIDTH_LIMIT)}w`);
  return entries.join(', ');
}
