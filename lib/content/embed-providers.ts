// The video sites a story may embed, and how their addresses read: one table that the story's
// embed node (embed.ts), the editor and the reader pages' Content-Security-Policy all read.
export const EMBED_PROVIDERS = {
  youtube: {
    name: 'YouTube',
    id: /^[A-Za-z0-9_-]{11}$/,
    // Captions on where the video has them (cc_load_policy); playing as soon as the reader asked.
    player: (id: string) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&cc_load_policy=1&rel=0`,
    page: (id: string) => `https://www.youtube.com/watch?v=${id}`,
  },
  vimeo: {
    name: 'Vimeo',
    id: /^\d{6,12}$/,
    player: (id: string) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
    page: (id: string) => `https://vimeo.com/${id}`,
  },
} as const;
export type EmbedProvider = keyof typeof EMBED_PROVIDERS;

/** The origins the players load from: the page policy's frame-src. */
export const EMBED_FRAME_ORIGINS: readonly string[] = Object.values(EMBED_PROVIDERS).map((provider) => new URL(provider.player('0')).origin);

/** The video a pasted address names: a YouTube watch, short, share or embed link, or a Vimeo one. */
export function parseVideoUrl(address: string): { provider: EmbedProvider; videoId: string } | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  const parts = url.pathname.split('/').filter(Boolean);
  let found: { provider: EmbedProvider; videoId: string | undefined } | null = null;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'music.youtube.com') {
    found = { provider: 'youtube', videoId: parts[0] === 'watch' ? (url.searchParams.get('v') ?? undefined) : ['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? '') ? parts[1] : undefined };
  } else if (host === 'youtu.be') found = { provider: 'youtube', videoId: parts[0] };
  else if (host === 'vimeo.com') found = { provider: 'vimeo', videoId: parts.find((part) => /^\d+$/.test(part)) };
  else if (host === 'player.vimeo.com' && parts[0] === 'video') found = { provider: 'vimeo', videoId: parts[1] };
  if (!found?.videoId || !EMBED_PROVIDERS[found.provider].id.test(found.videoId)) return null;
  return { provider: found.provider, videoId: found.videoId };
}
