import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderArticleHtml } from '../../lib/content/render.ts';

const figure = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'figure', attrs }] });

describe('rendering figures for readers', () => {
  it('an uploaded photo gets a srcset of its renditions, its alt text, caption and credit', () => {
    const html = renderArticleHtml(
      figure({ src: '/canyon-crest/media/abc123-full.jpg', mediaId: 'abc123', width: 2000, height: 1200, alt: 'The gym', caption: 'Finals night', credit: 'Andrew Choi' }),
    );
    expect(html).toContain(
      'srcset="/canyon-crest/media/abc123-480.jpg 480w, /canyon-crest/media/abc123-960.jpg 960w, /canyon-crest/media/abc123-1600.jpg 1600w, /canyon-crest/media/abc123-full.jpg 2000w"',
    );
    expect(html).toContain('alt="The gym"');
    expect(html).toContain('<span data-caption="" class="caption">Finals night</span><span data-credit="" class="credit">Andrew Choi</span>');
  });

  it('a small photo offers only the renditions narrower than itself', () => {
    const html = renderArticleHtml(figure({ src: '/canyon-crest/media/abc123-full.png', width: 700, height: 400, alt: 'Chart' }));
    expect(html).toContain('srcset="/canyon-crest/media/abc123-480.png 480w, /canyon-crest/media/abc123-full.png 700w"');
  });

  it('a foreign or scripted src is dropped, and caption markup is text', () => {
    const html = renderArticleHtml(figure({ src: 'javascript:alert(1)', width: 100, alt: '"><script>alert(1)</script>', caption: '<img src=x onerror=alert(1)>' }));
    const document = new Window().document;
    document.body.innerHTML = html;
    // Parsed as a browser would: one image with an empty src, no script element, no handler.
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect([...document.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual(['']);
    expect([...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames()).filter((name) => name.startsWith('on'))).toEqual([]);
    expect(document.querySelector('.caption')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('srcset');
  });
});

describe('rendering a body once per kept object', () => {
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

  it('the same body object is answered with its first HTML; every other body gets its own', () => {
    const body = paragraph('The board voted 4–1.');
    expect(renderArticleHtml(body)).toBe('<p>The board voted 4–1.</p>');
    // Kept bodies are never changed in place; this one is, only to show that the second call is
    // answered from what the first rendered rather than rendered again.
    body.content[0]!.content[0]!.text = 'Changed in place';
    expect(renderArticleHtml(body)).toBe('<p>The board voted 4–1.</p>');
    // Equal bodies render alike; a different body is never answered with another's HTML.
    expect(renderArticleHtml(paragraph('The board voted 4–1.'))).toBe('<p>The board voted 4–1.</p>');
    expect(renderArticleHtml(paragraph('The board voted 5–0.'))).toBe('<p>The board voted 5–0.</p>');
    expect(renderArticleHtml(null)).toBe('');
  });
});
