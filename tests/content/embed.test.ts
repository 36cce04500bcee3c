import { describe, expect, it } from 'vitest';
import { EMBED_FRAME_ORIGINS, parseVideoUrl } from '../../lib/content/embed-providers.ts';
import { checkArticleDoc } from '../../lib/content/document.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { READER_PAGE_POLICY } from '../../lib/page-cache/index.ts';
import { checklistErrors } from '../../lib/workflow/checklist.ts';
import { docOf, wordsOf } from '../factories.ts';

describe('a YouTube or Vimeo video', () => {
  it('is found in every kind of address people paste, and nothing else is taken for one', () => {
    const youtube = { provider: 'youtube', videoId: 'dQw4w9WgXcQ' };
    for (const address of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      ' https://www.youtube.com/live/dQw4w9WgXcQ ',
    ])
      expect(parseVideoUrl(address), address).toEqual(youtube);
    expect(parseVideoUrl('https://vimeo.com/76979871')).toEqual({ provider: 'vimeo', videoId: '76979871' });
    expect(parseVideoUrl('https://vimeo.com/channels/staffpicks/76979871')).toEqual({ provider: 'vimeo', videoId: '76979871' });
    expect(parseVideoUrl('https://player.vimeo.com/video/76979871?h=1')).toEqual({ provider: 'vimeo', videoId: '76979871' });
    for (const address of [
      'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=short',
      'https://vimeo.com/about',
      'not a url',
      'https://example.com/video.mp4',
    ])
      expect(parseVideoUrl(address), address).toBeNull();
  });

  it('renders a frame of ours that loads nothing until the reader presses play, then only the no-cookie player', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'embed', attrs: { provider: 'youtube', videoId: 'dQw4w9WgXcQ', title: 'Homecoming <Highlights> & more' } },
        { type: 'embed', attrs: { provider: 'youtube', videoId: '"><script>x' } },
        { type: 'embed', attrs: { provider: 'dailymotion', videoId: 'x8abc12' } },
      ],
    };
    expect(checkArticleDoc(doc).ok).toBe(true);
    const html = renderArticleHtml(doc);
    const frame = /<iframe(?:\s+[a-z-]+(?:="[^"]*")?)*>/.exec(html)![0];
    // No src: the frame's document is inline, and the only address in it is the player's, as a link.
    expect(frame).not.toMatch(/ src=/);
    expect(frame).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
    expect(frame).toContain('title="YouTube video: Homecoming <Highlights> &amp; more (loads when you press play)"');
    const srcdoc = /srcdoc="([^"]*)"/
      .exec(frame)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(srcdoc).toContain('<a href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;cc_load_policy=1&amp;rel=0">▶ Play “Homecoming &lt;Highlights&gt; &amp; more”');
    expect(srcdoc).not.toMatch(/<(img|script|link|iframe)\b/);
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">Watch on YouTube</a>');
    expect(html.match(/This video is not available\./g)).toHaveLength(2);
    expect(html).not.toContain('<script');
  });

  it('may load in reader pages’ frames only from the two players', () => {
    expect(EMBED_FRAME_ORIGINS).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    expect(READER_PAGE_POLICY).toContain("frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com;");
    expect(READER_PAGE_POLICY).toContain("script-src 'none'");
  });

  it('needs a title before the story is submitted', () => {
    const body = { type: 'doc', content: [...docOf(wordsOf(20)).content, { type: 'embed', attrs: { provider: 'vimeo', videoId: '76979871', title: ' ' } }] };
    expect(checklistErrors({ headline: 'Highlights', body, bylineCount: 1 }, { checklist: {}, maxHeadlineLength: 100, minimumWords: 10 })).toEqual({ 'embed.0': 'Embedded video 1 needs a title.' });
  });
});
