// A photo gallery in a story: an ordered set of photos, each with alt text, caption and credit.
// Readers get a slideshow that needs no script (reader pages run none): a row of slides that
// snaps one photo at a time, scrolled by touch, by trackpad, by the arrow keys once it has focus,
// or by the previous/next links under each photo; and a grid of every photo behind a <details>.
import { Node } from '@tiptap/core';
import { z } from 'zod';
import { isOwnMediaSrc, pictureSourcesFor, srcsetFor } from '../media/variants.ts';

export const GalleryPhoto = z.object({
  src: z.string(),
  mediaId: z.string().nullable().default(null),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
  alt: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
});
export type GalleryPhoto = z.output<typeof GalleryPhoto>;

/** The gallery's photos as stored, each checked: one that is not an upload of ours is left out, so
 * no gallery makes a reader's browser ask another site for anything. */
export function galleryPhotos(value: unknown): GalleryPhoto[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const photo = GalleryPhoto.safeParse(entry);
    return photo.success && isOwnMediaSrc(photo.data.src) ? [photo.data] : [];
  });
}

/** A new gallery's id: it names the slides' anchors, so two galleries in a story never share one. */
export function newGalleryId(): string {
  return Math.random().toString(36).slice(2, 10);
}

const SLIDE_SIZES = '(min-width: 48rem) 42rem, 100vw';
type Spec = [string, Record<string, unknown>, ...unknown[]];

function pictureSpec(photo: GalleryPhoto, sizes: string, extra: Record<string, unknown> = {}): Spec {
  const srcset = srcsetFor(photo.src, photo.width);
  const size = photo.width && photo.height ? { width: photo.width, height: photo.height } : {};
  const sources = pictureSourcesFor(photo.src, photo.width).map((source): Spec => ['source', { type: source.type, srcset: source.srcSet, sizes }]);
  return ['picture', {}, ...sources, ['img', { src: photo.src, ...(srcset ? { srcset, sizes } : {}), alt: photo.alt, loading: 'lazy', decoding: 'async', ...size, ...extra }]];
}

export const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      id: { default: null },
      photos: { default: [] },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'section[data-gallery]',
        getAttrs: (element) => ({
          id: element.getAttribute('data-gallery'),
          photos: [...element.querySelectorAll('.gallery-slide figure')].map((figure) => {
            const img = figure.querySelector('img');
            return {
              src: img?.getAttribute('src') ?? '',
              mediaId: figure.getAttribute('data-media-id'),
              width: Number(img?.getAttribute('width')) || null,
              height: Number(img?.getAttribute('height')) || null,
              alt: img?.getAttribute('alt') ?? '',
              caption: figure.querySelector('.caption')?.textContent ?? '',
              credit: figure.querySelector('.credit')?.textContent ?? '',
            };
          }),
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const photos = galleryPhotos(node.attrs.photos);
    const id = String(node.attrs.id ?? '').replace(/[^a-z0-9]/g, '') || 'photos';
    const count = photos.length;
    const anchor = (index: number) => `gallery-${id}-${index + 1}`;
    const label = `Photo gallery, ${count} photo${count === 1 ? '' : 's'}`;
    const slides = photos.map((photo, index): Spec => {
      const nav: unknown[] = ['span', { class: 'gallery-nav' }];
      if (index > 0) nav.push(['a', { href: `#${anchor(index - 1)}`, 'aria-label': `Previous photo (${index} of ${count})` }, '‹ Previous']);
      nav.push(['span', {}, `${index + 1} of ${count}`]);
      if (index < count - 1) nav.push(['a', { href: `#${anchor(index + 1)}`, 'aria-label': `Next photo (${index + 2} of ${count})` }, 'Next ›']);
      const caption: unknown[] = ['figcaption', {}];
      if (photo.caption) caption.push(['span', { class: 'caption' }, photo.caption]);
      if (photo.credit) caption.push(['span', { class: 'credit' }, photo.credit]);
      caption.push(nav);
      return ['li', { id: anchor(index), class: 'gallery-slide' }, ['figure', { 'data-media-id': photo.mediaId ?? undefined }, pictureSpec(photo, SLIDE_SIZES), caption]];
    });
    const grid = photos.map((photo, index): Spec => ['li', {}, ['a', { href: `#${anchor(index)}` }, pictureSpec(photo, '8rem', { alt: `Photo ${index + 1}: ${photo.alt}` })]]);
    return [
      'section',
      { 'data-gallery': id, class: 'gallery', 'aria-label': label },
      // Focusable, so the arrow keys scroll it; the label tells a screen reader how to move through it.
      ['ol', { class: 'gallery-slides', tabindex: '0', 'aria-label': `${label}: scroll sideways, or use the arrow keys or the links under each photo` }, ...slides],
      ['details', { class: 'gallery-grid' }, ['summary', {}, `See all ${count} photos`], ['ul', {}, ...grid]],
    ] as never;
  },
});
