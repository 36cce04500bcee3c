// Reader pages behind a CDN. Every page the production server shares (lib/page-cache) says how
// long a shared cache may keep it (`s-maxage`, then `stale-while-revalidate`) and which keys
// retire it: the school's, and on a story's page the story's (`Surrogate-Key` for Fastly and
// most others, `Cache-Tag` for Cloudflare). Browsers still ask every time (`max-age=0`). Changes
// purge those keys (lib/serving/cdn-purge.ts).
import { z } from 'zod';
import { readerStory, schoolPathOf } from '../routes.ts';

/** How long a CDN may serve a page without asking (it is purged on change), and how long past
 * that it may serve the old copy while it fetches the new one. */
const SHARED_MAX_AGE_SECONDS = Number(process.env.MASTHEAD_CDN_MAX_AGE ?? 600);
const STALE_WHILE_REVALIDATE_SECONDS = 60;

export const SHARED_PAGE_CACHE_CONTROL = `public, max-age=0, must-revalidate, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;

export function schoolSurrogateKey(schoolSlug: string): string {
  return `school-${schoolSlug}`;
}

/** Keys are space- and comma-separated in headers: an imported slug's other characters are
 * percent-encoded. */
export function storySurrogateKey(schoolSlug: string, articleSlug: string): string {
  return `story-${schoolSlug}-${encodeURIComponent(articleSlug)}`;
}

/** The keys a shared reader page is filed under, whether it was asked for under the school's path
 * or on the school's own host. */
export function surrogateKeysFor(schoolSlug: string, path: string): string[] {
  const story = readerStory(schoolPathOf(schoolSlug, path));
  return story ? [schoolSurrogateKey(schoolSlug), storySurrogateKey(schoolSlug, story.slug)] : [schoolSurrogateKey(schoolSlug)];
}

export function surrogateKeyHeaders(keys: readonly string[]): Record<string, string> {
  return { 'surrogate-key': keys.join(' '), 'cache-tag': keys.join(',') };
}

const PurgeSettings = z.object({
  url: z.url({ protocol: /^https?$/, error: 'MASTHEAD_CDN_PURGE_URL must be an http:// or https:// address' }),
  // "Name: value", e.g. "Fastly-Key: …" or "Authorization: Bearer …".
  header: z
    .string()
    .regex(/^[A-Za-z0-9-]+:\s*\S.*$/, 'MASTHEAD_CDN_PURGE_HEADER must look like "Name: value"')
    .optional(),
});

export type PurgeSettings = z.infer<typeof PurgeSettings>;

/** Where purges go (lib/serving/cdn-purge.ts), or null when no CDN is configured (nothing is queued
 * then). A malformed setting stops the server at start (scripts/serve.ts) rather than silently never
 * purging. */
export function purgeSettingsFromEnvironment(environment: Record<string, string | undefined> = process.env): PurgeSettings | null {
  if (!environment.MASTHEAD_CDN_PURGE_URL) return null;
  const parsed = PurgeSettings.safeParse({ url: environment.MASTHEAD_CDN_PURGE_URL, header: environment.MASTHEAD_CDN_PURGE_HEADER || undefined });
  if (!parsed.success) throw new Error(`CDN purge settings: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.data;
}
