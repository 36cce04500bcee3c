// The podcast's cover art, made from the paper's branding: its logo on its accent colour, or a
// microphone where it has no logo. Podcast apps require a square JPEG or PNG of 1,400 to 3,000
// pixels; drawing it from shapes (no text) needs no fonts on the server.
import sharp from 'sharp';
import { dbFor } from '../db.ts';
import { getObject } from '../media/storage.ts';
import { cachedForReaders, type CacheScope } from '../tenants/reader-cache.ts';

export const COVER_SIZE = 1400;
const LOGO_BOX = 1000;

const MICROPHONE = `<g fill="#fff">
  <rect x="580" y="260" width="240" height="520" rx="120"/>
  <path d="M470 640 a230 230 0 0 0 460 0" fill="none" stroke="#fff" stroke-width="56" stroke-linecap="round"/>
  <rect x="672" y="860" width="56" height="150"/>
  <rect x="540" y="1000" width="320" height="56" rx="28"/>
</g>`;

function background(accent: string, content: string): Buffer {
  const colour = /^#[0-9a-f]{6}$/i.test(accent) ? accent : '#9b1c1c';
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_SIZE}" height="${COVER_SIZE}"><rect width="100%" height="100%" fill="${colour}"/>${content}</svg>`);
}

async function logoBytes(school: CacheScope & { logoMediaId: string | null }): Promise<Buffer | null> {
  if (!school.logoMediaId) return null;
  const media = await dbFor(school.id).media.findFirst({ where: { id: school.logoMediaId, schoolId: school.id }, select: { storageKey: true } });
  return media ? getObject(media.storageKey) : null;
}

/** The cover as PNG, kept until the school's content (and so its branding) changes. */
export function podcastCover(school: CacheScope & { accentColor: string; logoMediaId: string | null }): Promise<Buffer> {
  return cachedForReaders(school, 'podcast-cover', async () => {
    const logo = await logoBytes(school);
    if (!logo) return sharp(background(school.accentColor, MICROPHONE)).png().toBuffer();
    const fitted = await sharp(logo).resize({ width: LOGO_BOX, height: LOGO_BOX, fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
    return sharp(background(school.accentColor, ''))
      .composite([{ input: fitted.data, left: Math.round((COVER_SIZE - fitted.info.width) / 2), top: Math.round((COVER_SIZE - fitted.info.height) / 2) }])
      .png()
      .toBuffer();
  });
}
