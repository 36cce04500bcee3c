// A page's metadata (Next's `Metadata`, as the pages export it) resolved into the tags of its head,
// for the reader pages the production server renders itself (server/direct-render.tsx). It covers
// the fields our pages use, resolved as Next resolves them (its metadata-resolution-primitives):
// the root layout's title template and description under the page's own, Open Graph and Twitter
// filled from each other and from the page. A field it does not know makes it answer `unsupported`,
// and that page is left to Next. e2e/direct-render.spec.ts compares the result with Next's head.
import type { Metadata } from 'next';

/** The root layout's metadata (app/layout.tsx): what a page that sets neither has for title and
 * description, and the template its own title goes into. */
export const ROOT_METADATA = {
  title: { default: 'Masthead', template: '%s' },
  description: 'Student newspapers, written, edited and published with Masthead.',
} satisfies Metadata;

export interface MetadataImage {
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

export interface ResolvedPageMetadata {
  title: string | null;
  description: string | null;
  robots: string | null;
  canonical: string | null;
  /** Feeds and other alternates by MIME type, in the order the page gave them. */
  alternateTypes: [type: string, url: string][];
  openGraph: {
    title: string | null;
    description: string | null;
    url: string | null;
    siteName: string | null;
    images: MetadataImage[];
    type: 'website' | 'article' | null;
    publishedTime: string | null;
    modifiedTime: string | null;
    authors: string[];
    section: string | null;
  } | null;
  twitter: { card: string; title: string | null; description: string | null; images: MetadataImage[] } | null;
}

export type PageMetadataResolution = { ok: true; metadata: ResolvedPageMetadata } | { ok: false; unsupported: string };

const PAGE_KEYS = new Set(['title', 'description', 'alternates', 'robots', 'openGraph', 'twitter']);
const ROOT_KEYS = new Set(['title', 'description']);
const ALTERNATES_KEYS = new Set(['canonical', 'types']);
const ROBOTS_KEYS = new Set(['index', 'follow']);
const OPEN_GRAPH_KEYS = new Set(['type', 'url', 'title', 'description', 'siteName', 'images', 'publishedTime', 'modifiedTime', 'section', 'authors']);
const TWITTER_KEYS = new Set(['card', 'title', 'description', 'images']);
const IMAGE_KEYS = new Set(['url', 'width', 'height', 'alt']);

class Unsupported extends Error {}

function onlyKeys(value: object, allowed: Set<string>, where: string): void {
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined && !allowed.has(key)) throw new Unsupported(`${where}.${key}`);
  }
}

function text(value: unknown, where: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Unsupported(where);
  return value;
}

function absoluteUrl(value: unknown, where: string): string | null {
  const url = text(value, where);
  // Next resolves a relative address against metadataBase; our pages give whole ones.
  if (url !== null && !/^https?:\/\//.test(url)) throw new Unsupported(`${where} (relative)`);
  return url;
}

function images(value: unknown, where: string): MetadataImage[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Unsupported(where);
  return value.map((image: unknown) => {
    if (typeof image !== 'object' || image === null) throw new Unsupported(where);
    onlyKeys(image, IMAGE_KEYS, where);
    const { url, width, height, alt } = image as Record<string, unknown>;
    if ((width !== undefined && typeof width !== 'number') || (height !== undefined && typeof height !== 'number')) throw new Unsupported(where);
    return { url: absoluteUrl(url, `${where}.url`)!, width: width as number | undefined, height: height as number | undefined, alt: text(alt, `${where}.alt`) ?? undefined };
  });
}

function openGraphType(value: unknown): 'website' | 'article' | null {
  const type = text(value, 'openGraph.type');
  if (type !== null && type !== 'website' && type !== 'article') throw new Unsupported(`openGraph.type ${type}`);
  return type;
}

function titleOf(root: Metadata['title'], page: Metadata['title']): string | null {
  const template = typeof root === 'object' && root !== null && 'template' in root ? (root.template ?? null) : null;
  const rootDefault = typeof root === 'string' ? root : typeof root === 'object' && root !== null && 'default' in root ? root.default : null;
  if (page === undefined || page === null) return rootDefault;
  if (typeof page !== 'string') throw new Unsupported('title (not a string)');
  return template ? template.replace('%s', page) : page;
}

function robotsOf(robots: Metadata['robots']): string | null {
  if (robots === undefined || robots === null) return null;
  if (typeof robots === 'string') return robots;
  onlyKeys(robots, ROBOTS_KEYS, 'robots');
  const values: string[] = [];
  if (typeof robots.index === 'boolean') values.push(robots.index ? 'index' : 'noindex');
  if (typeof robots.follow === 'boolean') values.push(robots.follow ? 'follow' : 'nofollow');
  return values.join(', ') || null;
}

/** The root layout's metadata under the page's, resolved as Next resolves them. */
export function resolvePageMetadata(root: Metadata, page: Metadata): PageMetadataResolution {
  try {
    onlyKeys(root, ROOT_KEYS, 'root');
    onlyKeys(page, PAGE_KEYS, 'page');
    const title = titleOf(root.title, page.title);
    const description = text(page.description ?? root.description, 'description');
    const alternates = page.alternates ?? null;
    if (alternates) onlyKeys(alternates, ALTERNATES_KEYS, 'alternates');
    const alternateTypes = Object.entries(alternates?.types ?? {}).map(([type, url]): [string, string] => [type, absoluteUrl(url, `alternates.types.${type}`)!]);
    const og = page.openGraph ?? null;
    if (og) onlyKeys(og, OPEN_GRAPH_KEYS, 'openGraph');
    const ogFields = og as Record<string, unknown> | null;
    const openGraph = og
      ? {
          // Open Graph falls back on the page's own title and description.
          title: text(og.title, 'openGraph.title') ?? title,
          description: text(og.description, 'openGraph.description') ?? description,
          url: absoluteUrl(og.url, 'openGraph.url'),
          siteName: text(og.siteName, 'openGraph.siteName'),
          images: images(og.images, 'openGraph.images'),
          type: openGraphType(ogFields!.type),
          publishedTime: text(ogFields!.publishedTime, 'openGraph.publishedTime'),
          modifiedTime: text(ogFields!.modifiedTime, 'openGraph.modifiedTime'),
          authors: ogFields!.authors === undefined ? [] : (ogFields!.authors as unknown[]).map((author) => text(author, 'openGraph.authors')!),
          section: text(ogFields!.section, 'openGraph.section'),
        }
      : null;
    const tw = page.twitter ?? null;
    if (tw) onlyKeys(tw, TWITTER_KEYS, 'twitter');
    const twitterFields = tw as Record<string, unknown> | null;
    // Without its own, a page's Twitter card is made from its Open Graph (and then from the page).
    const twitter =
      tw || openGraph
        ? (() => {
            const cardImages = twitterFields && 'images' in twitterFields && twitterFields.images ? images(twitterFields.images, 'twitter.images') : (openGraph?.images ?? []);
            return {
              card: text(twitterFields?.card, 'twitter.card') ?? (cardImages.length ? 'summary_large_image' : 'summary'),
              title: text(twitterFields?.title, 'twitter.title') ?? openGraph?.title ?? title,
              description: text(twitterFields?.description, 'twitter.description') ?? openGraph?.description ?? description,
              images: cardImages,
            };
          })()
        : null;
    return {
      ok: true,
      metadata: { title, description, robots: robotsOf(page.robots), canonical: absoluteUrl(alternates?.canonical, 'alternates.canonical'), alternateTypes, openGraph, twitter },
    };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, unsupported: error.message };
    throw error;
  }
}
