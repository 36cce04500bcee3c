// RSS 2.0 and Atom 1.0 documents for a school, a section or a reporter. Everything is escaped
// here; the text is the plain text of the published revision.
import { escapeMarkup } from '../content/escape.ts';
import { listFeedArticles, type ReaderSchool } from './public.ts';
import { dbFor } from '../db.ts';
import { getReporter } from '../people/public.ts';
import { schoolUrl } from '../tenants/urls.ts';
import { featuredImageType, featuredImageUrl } from './featured-image.ts';
export interface FeedItem {
  title: string;
  url: string;
  summary: string;
  author: string;
  published: Date;
  updated: Date;
  category: string | null;
  /** The story's featured image, as Media RSS and an Atom enclosure carry it. */
  image: { url: string; type: string; width: number; height: number; alt: string; credit: string } | null;
}

export interface FeedChannel {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  language: string;
  items: FeedItem[];
}

const xml = escapeMarkup;

export function summaryOf(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, flat.lastIndexOf(' ', limit))}…`;
}

function mediaContent(image: NonNullable<FeedItem['image']>): string {
  const credit = image.credit ? `<media:credit>${xml(image.credit)}</media:credit>` : '';
  return `<media:content url="${xml(image.url)}" type="${xml(image.type)}" medium="image" width="${image.width}" height="${image.height}"><media:description type="plain">${xml(image.alt)}</media:description>${credit}</media:content>`;
}

export function rssDocument(channel: FeedChannel): string {
  const items = channel.items
    .map(
      (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.url)}</link>
      <guid isPermaLink="true">${xml(item.url)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>
      <dc:creator>${xml(item.author)}</dc:creator>${item.category ? `\n      <category>${xml(item.category)}</category>` : ''}
      <description>${xml(item.summary)}</description>${item.image ? `\n      ${mediaContent(item.image)}` : ''}
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${xml(channel.title)}</title>
    <link>${xml(channel.siteUrl)}</link>
    <description>${xml(channel.description)}</description>
    <language>${xml(channel.language)}</language>
    <atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${(channel.items[0]?.updated ?? new Date(0)).toUTCString()}</lastBuildDate>
${items}
  </channel>
</rss>
`;
}

export function atomDocument(channel: FeedChannel): string {
  const entries = channel.items
    .map(
      (item) => `  <entry>
    <title>${xml(item.title)}</title>
    <link rel="alternate" href="${xml(item.url)}"/>
    <id>${xml(item.url)}</id>
    <published>${item.published.toISOString()}</published>
    <updated>${item.updated.toISOString()}</updated>
    <author><name>${xml(item.author)}</name></author>${item.category ? `\n    <category term="${xml(item.category)}"/>` : ''}
    <summary>${xml(item.summary)}</summary>${item.image ? `\n    <link rel="enclosure" type="${xml(item.image.type)}" href="${xml(item.image.url)}"/>` : ''}
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(channel.language)}">
  <title>${xml(channel.title)}</title>
  <subtitle>${xml(channel.description)}</subtitle>
  <link rel="alternate" href="${xml(channel.siteUrl)}"/>
  <link rel="self" href="${xml(channel.feedUrl)}"/>
  <id>${xml(channel.feedUrl)}</id>
  <updated>${(channel.items[0]?.updated ?? new Date(0)).toISOString()}</updated>
${entries}
</feed>
`;
}

export type FeedScope = { kind: 'school' } | { kind: 'section'; slug: string } | { kind: 'reporter'; slug: string };

interface FeedSchool extends ReaderSchool {
  newspaperName: string;
  tagline: string | null;
  locale: string;
  currentSchoolYear: string;
}

/** The feed document for a school, one of its sections or one of its reporters; null if unknown. */
export async function buildFeed(school: FeedSchool, scope: FeedScope, format: 'rss' | 'atom'): Promise<string | null> {
  let title = school.newspaperName;
  let description = school.tagline ?? `News from ${school.name}`;
  let path = '';
  let filter: { sectionId?: string; membershipId?: string } = {};
  if (scope.kind === 'section') {
    const section = await dbFor(school.id).section.findUnique({ where: { schoolId_slug: { schoolId: school.id, slug: scope.slug } }, select: { id: true, name: true } });
    if (!section) return null;
    title = `${section.name} — ${school.newspaperName}`;
    description = `${section.name} from ${school.newspaperName}`;
    path = `/sections/${scope.slug}`;
    filter = { sectionId: section.id };
  } else if (scope.kind === 'reporter') {
    const reporter = await getReporter(school, scope.slug);
    if (!reporter) return null;
    title = `${reporter.name} — ${school.newspaperName}`;
    description = `Articles by ${reporter.name} in ${school.newspaperName}`;
    path = `/staff/${scope.slug}`;
    filter = { membershipId: reporter.id };
  }
  const articles = await listFeedArticles(school, filter);
  const channel: FeedChannel = {
    title,
    description,
    siteUrl: schoolUrl(school, path),
    feedUrl: schoolUrl(school, `${path}/${format === 'rss' ? 'feed.xml' : 'atom.xml'}`),
    language: school.locale,
    items: articles.map((article) => ({
      title: article.headline,
      url: schoolUrl(school, `/articles/${article.slug}`),
      summary: article.deck || summaryOf(article.text),
      author: article.byline || school.newspaperName,
      published: article.firstPublishedAt ?? article.publishedAt!,
      updated: article.publishedAt!,
      category: article.section?.name ?? null,
      image: article.image
        ? {
            url: featuredImageUrl(school, article.image),
            type: featuredImageType(article.image),
            width: article.image.width,
            height: article.image.height,
            alt: article.image.alt,
            credit: article.image.credit,
          }
        : null,
    })),
  };
  return format === 'rss' ? rssDocument(channel) : atomDocument(channel);
}

export function feedResponse(document: string | null, format: 'rss' | 'atom'): Response {
  if (!document) return new Response('No such feed.', { status: 404 });
  return new Response(document, {
    headers: { 'Content-Type': format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
}
