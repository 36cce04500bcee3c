// Video in a story: broadcast segments and game highlights, uploaded as MP4 or WebM, with captions (WebVTT)
// and a poster picture. Readers get the browser's own player, which fetches nothing until they
// press play (preload="none"), with the captions on by default: much of a school's audience watches
// with the sound off, and deaf readers need them (WCAG 1.2.2).
import { Node } from '@tiptap/core';
import { z } from 'zod';
import { formatDuration } from './audio.ts';
import { asUploadedMediaId, asUploadedType, isOwnMediaSrc, VIDEO_EXTENSIONS } from '../media/variants.ts';

export const VideoClip = z.object({
  src: z.string().refine((src) => asUploadedMediaId(src, VIDEO_EXTENSIONS) !== null),
  mediaId: z.string().nullable().default(null),
  title: z.string().default(''),
  /** In seconds, as the upload measured it. */
  duration: z.number().nonnegative().nullable().default(null),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
  // Anything that is not an upload of ours is dropped, not the clip.
  posterSrc: z
    .string()
    .nullable()
    .default(null)
    .catch(null)
    .transform((src) => (src && isOwnMediaSrc(src) ? src : null)),
  captionsSrc: z
    .string()
    .nullable()
    .default(null)
    .catch(null)
    .transform((src) => (src && asUploadedMediaId(src, 'vtt') ? src : null)),
  /** The captions' language (BCP 47), as the player offers them. */
  captionsLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .catch('en')
    .default('en'),
});
export type VideoClip = z.output<typeof VideoClip>;

/** The clip as stored, or null when it is not one of our uploads. */
export function videoClip(attrs: unknown): VideoClip | null {
  const parsed = VideoClip.safeParse(attrs);
  return parsed.success ? parsed.data : null;
}

/** The language's name in English, for the captions menu ("English", "Spanish"). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const Video = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      mediaId: { default: null },
      title: { default: '' },
      duration: { default: null },
      width: { default: null },
      height: { default: null },
      posterSrc: { default: null },
      captionsSrc: { default: null },
      captionsLanguage: { default: 'en' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-video]',
        getAttrs: (element) => {
          const video = element.querySelector('video');
          const track = element.querySelector('track');
          return {
            src: element.querySelector('source')?.getAttribute('src') ?? null,
            mediaId: element.getAttribute('data-media-id'),
            title: element.querySelector('.video-title')?.textContent ?? '',
            duration: Number(element.getAttribute('data-duration')) || null,
            width: Number(video?.getAttribute('width')) || null,
            height: Number(video?.getAttribute('height')) || null,
            posterSrc: video?.getAttribute('poster') ?? null,
            captionsSrc: track?.getAttribute('src') ?? null,
            captionsLanguage: track?.getAttribute('srclang') ?? 'en',
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const clip = videoClip(node.attrs);
    if (!clip) return ['figure', { class: 'video-clip', 'data-video': '' }, ['figcaption', {}, 'This video is not available.']];
    const label = clip.title || 'Video';
    const length = clip.duration ? formatDuration(clip.duration) : null;
    const size = clip.width && clip.height ? { width: clip.width, height: clip.height } : {};
    const track = clip.captionsSrc
      ? [['track', { kind: 'captions', src: clip.captionsSrc, srclang: clip.captionsLanguage, label: `${languageName(clip.captionsLanguage)} captions`, default: 'default' }]]
      : [];
    const caption: unknown[] = ['figcaption', {}, ['span', { class: 'video-title' }, label]];
    if (length) caption.push(['span', { class: 'video-length' }, ` · ${length}`]);
    const format = clip.src.endsWith('.webm') ? 'WebM' : 'MP4';
    const links: unknown[] = ['p', { class: 'video-links' }, ['a', { href: clip.src, download: '' }, `Download the video (${format}${length ? `, ${length}` : ''})`]];
    if (clip.captionsSrc) links.push(' · ', ['a', { href: clip.captionsSrc }, 'Captions as text (WebVTT)']);
    return [
      'figure',
      { class: 'video-clip', 'data-video': '', 'data-media-id': clip.mediaId ?? undefined, 'data-duration': clip.duration ?? undefined },
      // Nothing is fetched before the reader presses play but the poster, which is ours.
      [
        'video',
        { controls: 'controls', preload: 'none', playsinline: '', poster: clip.posterSrc ?? undefined, ...size, 'aria-label': `Watch: ${label}` },
        ['source', { src: clip.src, type: asUploadedType(clip.src) }],
        ...track,
      ],
      caption,
      links,
    ] as never;
  },
});
