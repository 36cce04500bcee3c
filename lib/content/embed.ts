// A YouTube or Vimeo video in a story, behind a click: our readers are mostly minors, and a player
// from either site sets cookies and reports the visit the moment it loads. So the page holds a
// frame of our own (srcdoc: nothing fetched) with the video's title and a "Play" link; only when
// the reader follows it does the frame load the player, from YouTube's no-cookie domain or Vimeo
// with tracking off. It needs no script on our page (reader pages run none), the frame is
// sandboxed, and the page's policy lets frames load these two players and nothing else
// (lib/page-cache READER_PAGE_POLICY).
import { Node } from '@tiptap/core';
import { z } from 'zod';
import { EMBED_PROVIDERS } from './embed-providers.ts';
import { escapeMarkup } from './escape.ts';

const EmbedAttrs = z.object({ provider: z.enum(['youtube', 'vimeo']), videoId: z.string(), title: z.string().default('') }).refine((embed) => EMBED_PROVIDERS[embed.provider].id.test(embed.videoId));
export type VideoEmbed = z.output<typeof EmbedAttrs>;

export function videoEmbed(attrs: unknown): VideoEmbed | null {
  const parsed = EmbedAttrs.safeParse(attrs);
  return parsed.success ? parsed.data : null;
}

/** The frame's own document before the reader asks: the title and a link that loads the player in
 * the frame. Everything in it is ours and inline. */
function placeholderDocument(embed: VideoEmbed): string {
  const provider = EMBED_PROVIDERS[embed.provider];
  const title = escapeMarkup(embed.title || 'this video');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><style>html,body{height:100%;margin:0}a{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.5rem;height:100%;background:#111827;color:#fff;font:600 1.1rem system-ui,sans-serif;text-align:center;padding:1rem;box-sizing:border-box}a:focus-visible{outline:4px solid #facc15;outline-offset:-4px}span{font-weight:400;font-size:.85rem;color:#e5e7eb}</style><a href="${escapeMarkup(provider.player(embed.videoId))}">▶ Play “${title}”<span>Loads the player from ${provider.name}, which may set cookies.</span></a></html>`;
}

type Spec = [string, Record<string, unknown>, ...unknown[]];

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { provider: { default: null }, videoId: { default: null }, title: { default: '' } };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-embed]',
        getAttrs: (element) => {
          const [provider, videoId] = (element.getAttribute('data-embed') ?? '').split(':');
          return { provider, videoId, title: element.querySelector('.embed-title')?.textContent ?? '' };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const embed = videoEmbed(node.attrs);
    if (!embed) return ['figure', { class: 'video-embed', 'data-embed': '' }, ['figcaption', {}, 'This video is not available.']];
    const provider = EMBED_PROVIDERS[embed.provider];
    const label = embed.title || 'Video';
    const caption: Spec = ['figcaption', {}, ['span', { class: 'embed-title' }, label], ' · ', ['a', { href: provider.page(embed.videoId), rel: 'noopener noreferrer' }, `Watch on ${provider.name}`]];
    return [
      'figure',
      { class: 'video-embed', 'data-embed': `${embed.provider}:${embed.videoId}` },
      [
        'iframe',
        {
          title: `${provider.name} video: ${label} (loads when you press play)`,
          srcdoc: placeholderDocument(embed),
          sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups',
          allow: 'autoplay; fullscreen; picture-in-picture; encrypted-media',
          allowfullscreen: '',
          referrerpolicy: 'strict-origin-when-cross-origin',
          width: '640',
          height: '360',
        },
      ],
      caption,
    ] as never;
  },
});
