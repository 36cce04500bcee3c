import { describe, expect, it } from 'vitest';
import { checkArticleDoc, docToPlainText } from '../../lib/content/document.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { serverDocument } from '../../lib/content/server-dom.ts';
import { replaceNameInDoc } from '../../lib/removals/anonymize.ts';
import { checklistErrors } from '../../lib/workflow/checklist.ts';

const photo = (n: number, extra: Record<string, unknown> = {}) => ({
  src: `/canyon-crest/media/abc${n}-full.jpg`,
  mediaId: `abc${n}`,
  width: 1600,
  height: 1000,
  alt: `Photo ${n} of the game`,
  caption: `Caption ${n}, Jane Doe at the net.`,
  credit: `Credit ${n}`,
  ...extra,
});

const docWith = (...photos: unknown[]) => ({
  type: 'doc' as const,
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Before the gallery.' }] },
    { type: 'gallery', attrs: { id: 'g7k2', photos } },
  ],
});

function parsed(html: string) {
  const document = serverDocument();
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('a gallery', () => {
  it('is a slideshow readers scroll by touch or keys with no script, each slide with its details and links to its neighbours, and a grid of all', () => {
    const html = renderArticleHtml(docWith(photo(1), photo(2), photo(3)));
    const root = parsed(html);
    const section = root.querySelector('section[data-gallery="g7k2"]')!;
    expect(section.getAttribute('aria-label')).toBe('Photo gallery, 3 photos');
    const slides = section.querySelector('ol.gallery-slides')!;
    // Focusable, so the arrow keys scroll it.
    expect(slides.getAttribute('tabindex')).toBe('0');
    expect([...slides.querySelectorAll(':scope > li')].map((slide) => slide.id)).toEqual(['gallery-g7k2-1', 'gallery-g7k2-2', 'gallery-g7k2-3']);
    const second = slides.querySelector('#gallery-g7k2-2')!;
    expect(second.querySelector('img')!.getAttribute('alt')).toBe('Photo 2 of the game');
    expect(second.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    expect([...second.querySelectorAll('source')].map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    expect(second.querySelector('source')!.getAttribute('srcset')).toBe('/canyon-crest/media/abc2-480.avif 480w, /canyon-crest/media/abc2-960.avif 960w, /canyon-crest/media/abc2-full.avif 1600w');
    expect(second.querySelector('.caption')!.textContent).toBe('Caption 2, Jane Doe at the net.');
    expect(second.querySelector('.credit')!.textContent).toBe('Credit 2');
    expect([...second.querySelectorAll('.gallery-nav a')].map((link) => [link.getAttribute('href'), link.textContent])).toEqual([
      ['#gallery-g7k2-1', '‹ Previous'],
      ['#gallery-g7k2-3', 'Next ›'],
    ]);
    expect(second.querySelector('.gallery-nav')!.textContent).toContain('2 of 3');
    // The first has no previous, the last no next.
    expect(slides.querySelector('#gallery-g7k2-1 .gallery-nav')!.textContent).toBe('1 of 3Next ›');
    expect(slides.querySelector('#gallery-g7k2-3 .gallery-nav')!.textContent).toBe('‹ Previous3 of 3');
    const grid = section.querySelector('details.gallery-grid')!;
    expect(grid.querySelector('summary')!.textContent).toBe('See all 3 photos');
    expect([...grid.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual(['#gallery-g7k2-1', '#gallery-g7k2-2', '#gallery-g7k2-3']);
  });

  it('keeps only our own uploads (no request to another site, ever), and escapes what people typed', () => {
    const html = renderArticleHtml(
      docWith(
        photo(1, { caption: '<script>alert(1)</script>', alt: '"><img src=x onerror=alert(1)>' }),
        photo(2, { src: 'javascript:alert(1)' }),
        photo(3, { src: '//evil.example/x.jpg' }),
        photo(4, { src: 'https://tracker.example/pixel.jpg' }),
        { nonsense: true },
      ),
    );
    const root = parsed(html);
    expect(root.querySelectorAll('.gallery-slide')).toHaveLength(1);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('.caption')!.textContent).toBe('<script>alert(1)</script>');
    expect(root.querySelectorAll('img[onerror]')).toHaveLength(0);
    expect(html).not.toMatch(/javascript:|evil\.example|tracker\.example/);
  });

  it('is part of the article format: saved bodies may carry it, its captions are searchable and not counted as words', () => {
    const doc = docWith(photo(1), photo(2));
    expect(checkArticleDoc(doc).ok).toBe(true);
    expect(docToPlainText(doc)).toContain('Caption 2, Jane Doe at the net. Credit 2');
    expect(docToPlainText(doc, { captions: false })).toBe('Before the gallery.');
  });

  it('every photo needs alt text, a caption and a credit before the story goes to review', () => {
    const school = { checklist: {}, maxHeadlineLength: 100, minimumWords: 0 };
    const errors = checklistErrors({ headline: 'Game Day', body: docWith(photo(1), photo(2, { credit: ' ', alt: '' })), bylineCount: 1 }, school);
    expect(errors).toEqual({ 'galleries.0.1': 'Gallery 1, photo 2 needs alt text, a credit.' });
  });

  it('a removal replaces the name in its photos’ captions, alt text and credits too', () => {
    const replaced = replaceNameInDoc(docWith(photo(1), photo(2, { credit: 'Photo by Jane Doe' })), ['Jane Doe'], 'a student');
    const photos = (replaced.content[1] as { attrs: { photos: { caption: string; credit: string }[] } }).attrs.photos;
    expect(photos.map((each) => each.caption)).toEqual(['Caption 1, a student at the net.', 'Caption 2, a student at the net.']);
    expect(photos[1]!.credit).toBe('Photo by a student');
  });
});
