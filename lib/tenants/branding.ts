// A school's branding: newspaper name, tagline, accent colour and logo. Advisers and school admins
// change it; readers see it at once (the content version moves on).
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/actor.ts';
import { readersSeeChange } from '../articles/live.ts';
import { dbFor, transactionFor } from '../db.ts';
import { uploadImage } from '../media/upload.ts';
import { extensionFor, mediaPath, type StoredImageType } from '../media/variants.ts';
import { ok, parseInput, type Result } from '../result.ts';
import { cachedForReaders, type CacheScope } from './reader-cache.ts';

/** WCAG contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

export const BrandingInput = z.object({
  newspaperName: z.string().trim().min(2, 'Give the paper a name.').max(80, 'A name can be at most 80 characters.'),
  tagline: z
    .string()
    .trim()
    .max(160, 'A tagline can be at most 160 characters.')
    .transform((value) => value || null),
  // The accent colours section labels and links on white, so it must be readable there (WCAG AA).
  accentColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written like #7a1f2b.')
    .refine((color) => contrastWithWhite(color) >= 4.5, 'That colour is too light to read on white (WCAG needs a 4.5:1 contrast); choose a darker one.'),
});

export async function updateBranding(actor: Actor, input: unknown): Promise<Result<true>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const parsed = parseInput(BrandingInput, input);
  if (!parsed.ok) return parsed;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: { ...parsed.data, accentColor: parsed.data.accentColor.toLowerCase() } });
    await readersSeeChange(tx, actor.schoolId);
  });
  return ok(true);
}

export async function setSchoolLogo(actor: Actor, file: { bytes: Buffer; filename: string }): Promise<Result<{ src: string }>> {
  const allowed = requirePermission(actor, 'school.settings');
  if (!allowed.ok) return allowed;
  const uploaded = await uploadImage(actor, file, { alt: '' });
  if (!uploaded.ok) return uploaded;
  await transactionFor(actor.schoolId, async (tx) => {
    await tx.school.update({ where: { id: actor.schoolId }, data: { logoMediaId: uploaded.data.id } });
    await readersSeeChange(tx, actor.schoolId);
  });
  return ok({ src: uploaded.data.src });
}

/** The logo's address for the masthead (the 480px rendition when there is one), or null. */
export function schoolLogoSrc(school: CacheScope & { slug: string; logoMediaId: string | null }): Promise<string | null> {
  if (!school.logoMediaId) return Promise.resolve(null);
  return cachedForReaders(school, 'logo', async () => {
    const media = await dbFor(school.id).media.findFirst({ where: { id: school.logoMediaId!, schoolId: school.id }, select: { id: true, mimeType: true, width: true } });
    if (!media) return null;
    const size = (media.width ?? 0) > 480 ? '480' : 'full';
    return mediaPath(school.slug, `${media.id}-${size}.${extensionFor(media.mimeType as StoredImageType)}`);
  });
}
