// Audio in a story: a podcast episode or an interview clip, with its title and transcript. Readers
// get the browser's own player, which fetches nothing until they press play (preload="none"), a
// download link, and the transcript — what a deaf reader, a search engine and anyone in a quiet
// library read instead (WCAG 1.2.1). A story with audio is a podcast episode (lib/articles/podcast.ts).
import { Node } from '@tiptap/core';
import { z } from 'zod';
import { asUploadedMediaId } from '../media/variants.ts';

export const AudioClip = z.object({
  src: z.string().refine((src) => asUploadedMediaId(src, 'mp3') !== null),
  mediaId: z.string().nullable().default(null),
  title: z.string().default(''),
  /** In seconds, as the upload measured it. */
  duration: z.number().nonnegative().nullable().default(null),
  transcript: z.string().default(''),
});
export type AudioClip = z.output<typeof AudioClip>;

/** The clip as stored, or null when it is not one of our uploads: no story makes a reader's
 * browser ask another site for anything. */
export function audioClip(attrs: unknown): AudioClip | null {
  const parsed = AudioClip.safeParse(attrs);
  return parsed.success ? parsed.data : null;
}

/** A transcript's paragraphs: it is typed as plain text, a blank line between paragraphs. */
export function transcriptParagraphs(transcript: string): string[] {
  return transcript
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** "12:05" or "1:02:05": how long a recording runs, as players show it. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

type Spec = [string, Record<string, unknown>, ...unknown[]];

export const Audio = Node.create({
  name: 'audio',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      src: { default: null },
      mediaId: { default: null },
      title: { default: '' },
      duration: { default: null },
      transcript: { default: '' },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'figure[data-audio]',
        getAttrs: (element) => ({
          src: element.querySelector('audio')?.getAttribute('src') ?? null,
          mediaId: element.getAttribute('data-media-id'),
          title: element.querySelector('.audio-title')?.textContent ?? '',
          duration: Number(element.getAttribute('data-duration')) || null,
          transcript: [...element.querySelectorAll('.transcript p')].map((paragraph) => paragraph.textContent ?? '').join('\n\n'),
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const clip = audioClip(node.attrs);
    if (!clip) return ['figure', { class: 'audio-clip', 'data-audio': '' }, ['figcaption', {}, 'This audio is not available.']];
    const label = clip.title || 'Audio';
    const length = clip.duration ? formatDuration(clip.duration) : null;
    const caption: Spec = ['figcaption', {}, ['span', { class: 'audio-title' }, label]];
    if (length) caption.push(['span', { class: 'audio-length' }, ` · ${length}`]);
    const paragraphs = transcriptParagraphs(clip.transcript).map((paragraph): Spec => ['p', {}, paragraph]);
    const transcript: Spec[] = paragraphs.length > 0 ? [['details', { class: 'transcript' }, ['summary', {}, `Transcript: ${label}`], ...paragraphs]] : [];
    return [
      'figure',
      { class: 'audio-clip', 'data-audio': '', 'data-media-id': clip.mediaId ?? undefined, 'data-duration': clip.duration ?? undefined },
      caption,
      // Nothing is fetched before the reader presses play; the link is for those who listen elsewhere.
      ['audio', { controls: 'controls', preload: 'none', src: clip.src, 'aria-label': `Listen: ${label}` }],
      ['a', { class: 'audio-download', href: clip.src, download: '' }, `Download the audio (MP3${length ? `, ${length}` : ''})`],
      ...transcript,
    ] as never;
  },
});
