// The school's podcast: every published story with audio is an episode, newest first, in an RSS
// feed with the enclosure and the iTunes tags that podcast apps (Apple Podcasts, Spotify, Pocket
// Casts, Overcast) require. The file's size and length come from the upload's row, never from the
// story's text; the transcript is on the episode's page, which the feed points to.
import type { JSONContent } from '@tiptap/core';
import { audioClip, type AudioClip } from '../content/audio.ts';
import { nodesOfType } from '../content/document.ts';
import { asUploadedMediaId } from '../media/variants.ts';
import { escapeMarkup as xml } from '../content/escape.ts';
import { dbFor } from '../db.ts';
import { cachedForReaders } from '../tenants/reader-cache.ts';
import { schoolMediaUrl, schoolUrl } from '../tenants/urls.ts';
import type { ReaderSchool } from './public.ts';
import { summaryOf } from './feeds.ts';

export interface PodcastSchool extends ReaderSchool {
  newspaperName: string;
  tagline: string | null;
  locale: string;
}

export interface PodcastEpisode {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  published: Date;
  clip: AudioClip;
  mediaId: string;
  byteSize: number;
  duration: number;
}

const EPISODE_LIMIT = 100;

/** The school's episodes, newest first: live stories whose published revision holds audio of ours. */
export function listPodcastEpisodes(school: ReaderSchool): Promise<PodcastEpisode[]> {
  return cachedForReaders(school, 'podcast', async () => {
    const db = dbFor(school.id);
    const rows = await db.$queryRaw<{ id: string; slug: string; headline: string; deck: string; bodyText: string; body: JSONContent; published: Date }[]>`
      SELECT a.id, a.slug, r.headline, r.deck, r."bodyText", r.body, coalesce(a."firstPublishedAt", a."publishedAt") AS published
      FROM articles a JOIN article_revisions r ON r.id = a."publishedRevisionId"
      WHERE a."schoolId" = ${school.id} AND jsonb_path_exists(r.body, 'lax $.** ? (@.type == "audio")')
      ORDER BY published DESC
      LIMIT ${EPISODE_LIMIT}`;
    // Each story's first audio clip of ours is its episode.
    const found = rows.flatMap((row) => {
      const clip = nodesOfType(row.body, 'audio')
        .map(audioClip)
        .find((each) => each !== null);
      return clip ? [{ row, clip, mediaId: asUploadedMediaId(clip.src, 'mp3')! }] : [];
    });
    const media = await db.media.findMany({
      where: { schoolId: school.id, id: { in: found.map((each) => each.mediaId) }, mimeType: 'audio/mpeg' },
      select: { id: true, byteSize: true, duration: true },
    });
    const byId = new Map(media.map((file) => [file.id, file]));
    return found.flatMap(({ row, clip, mediaId }) => {
      const file = byId.get(mediaId);
      if (!file) return [];
      return [
        {
          articleId: row.id,
          slug: row.slug,
          title: row.headline,
          summary: row.deck || summaryOf(row.bodyText),
          published: row.published,
          clip,
          mediaId: file.id,
          byteSize: file.byteSize,
          duration: Math.round(file.duration ?? 0),
        },
      ];
    });
  });
}

/** The podcast's name, as apps list it. */
export function podcastTitle(school: { newspaperName: string }): string {
  return `${school.newspaperName} Podcast`;
}

/** RSS 2.0 with the iTunes namespace. A student paper's podcast is marked clean (itunes:explicit). */
export function podcastDocument(school: PodcastSchool, episodes: PodcastEpisode[]): string {
  const title = podcastTitle(school);
  const description = school.tagline ?? `Audio stories from ${school.newspaperName}, the student newspaper of ${school.name}.`;
  const cover = schoolUrl(school, '/podcast-cover.png');
  const items = episodes
    .map((episode) => {
      const page = schoolUrl(school, `/articles/${episode.slug}`);
      return `    <item>
      <title>${xml(episode.title)}</title>
      <link>${xml(page)}</link>
      <guid isPermaLink="false">${xml(`${episode.articleId}-${episode.mediaId}`)}</guid>
      <pubDate>${episode.published.toUTCString()}</pubDate>
      <description>${xml(episode.summary)}</description>
      <enclosure url="${xml(schoolMediaUrl(school, episode.clip.src))}" length="${episode.byteSize}" type="audio/mpeg"/>
      <itunes:duration>${episode.duration}</itunes:duration>
      <itunes:episodeType>full</itunes:episodeType>
      <itunes:explicit>false</itunes:explicit>${episode.clip.transcript.trim() ? `\n      <podcast:transcript url="${xml(page)}" type="text/html"/>` : ''}
    </item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>${xml(title)}</title>
    <link>${xml(schoolUrl(school))}</link>
    <description>${xml(description)}</description>
    <language>${xml(school.locale.toLowerCase())}</language>
    <atom:link href="${xml(schoolUrl(school, '/podcast.xml'))}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${(episodes[0]?.published ?? new Date(0)).toUTCString()}</lastBuildDate>
    <image><url>${xml(cover)}</url><title>${xml(title)}</title><link>${xml(schoolUrl(school))}</link></image>
    <itunes:image href="${xml(cover)}"/>
    <itunes:author>${xml(school.newspaperName)}</itunes:author>
    <itunes:owner><itunes:name>${xml(school.newspaperName)}</itunes:name></itunes:owner>
    <itunes:category text="News"/>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
${items}
  </channel>
</rss>
`;
}

export async function buildPodcastFeed(school: PodcastSchool): Promise<string> {
  return podcastDocument(school, await listPodcastEpisodes(school));
}
