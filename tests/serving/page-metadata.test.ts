import { describe, expect, it } from 'vitest';
import { ROOT_METADATA, resolvePageMetadata, type ResolvedPageMetadata } from '@/lib/serving/page-metadata';

function resolved(page: Parameters<typeof resolvePageMetadata>[1]): ResolvedPageMetadata {
  const result = resolvePageMetadata(ROOT_METADATA, page);
  if (!result.ok) throw new Error(`unsupported: ${result.unsupported}`);
  return result.metadata;
}

describe('a reader page’s metadata, resolved as Next resolves it', () => {
  it('a page that says nothing has the root layout’s title and description', () => {
    expect(resolved({})).toMatchObject({ title: 'Masthead', description: ROOT_METADATA.description, robots: null, canonical: null, openGraph: null, twitter: null });
  });

  it('the page’s title goes into the root’s template, and its description replaces the root’s', () => {
    expect(resolved({ title: 'Staff — The Raven Report', description: 'Who writes it.' })).toMatchObject({ title: 'Staff — The Raven Report', description: 'Who writes it.' });
  });

  it('robots and alternates come out as the tags’ values, feeds in the order given', () => {
    const metadata = resolved({
      robots: { index: false },
      alternates: { canonical: 'https://ravens.example/search', types: { 'application/rss+xml': 'https://ravens.example/feed.xml', 'application/atom+xml': 'https://ravens.example/atom.xml' } },
    });
    expect(metadata.robots).toBe('noindex');
    expect(metadata.canonical).toBe('https://ravens.example/search');
    expect(metadata.alternateTypes).toEqual([
      ['application/rss+xml', 'https://ravens.example/feed.xml'],
      ['application/atom+xml', 'https://ravens.example/atom.xml'],
    ]);
    expect(resolved({ robots: { index: true, follow: false } }).robots).toBe('index, nofollow');
  });

  it('Open Graph falls back on the page, and a page with Open Graph alone gets a Twitter card made from it', () => {
    const metadata = resolved({ title: 'The Raven Report', description: 'Student news', openGraph: { type: 'website', siteName: 'The Raven Report', url: 'https://ravens.example/' } });
    expect(metadata.openGraph).toMatchObject({ title: 'The Raven Report', description: 'Student news', type: 'website', images: [] });
    expect(metadata.twitter).toEqual({ card: 'summary', title: 'The Raven Report', description: 'Student news', images: [] });
  });

  it('a card made from Open Graph with a photo shows it large', () => {
    const image = { url: 'https://ravens.example/media/a-full.jpg', width: 1600, height: 1000, alt: 'The final' };
    const metadata = resolved({ title: 'Game', openGraph: { type: 'article', title: 'Game', images: [image], authors: ['Maya Ortiz'], publishedTime: '2026-11-20T16:00:00.000Z' } });
    expect(metadata.twitter).toEqual({ card: 'summary_large_image', title: 'Game', description: ROOT_METADATA.description, images: [image] });
    expect(metadata.openGraph).toMatchObject({ authors: ['Maya Ortiz'], publishedTime: '2026-11-20T16:00:00.000Z', modifiedTime: null });
  });

  it('a page’s own Twitter fields win over Open Graph’s', () => {
    const metadata = resolved({ openGraph: { title: 'Long title' }, twitter: { card: 'summary', title: 'Short', description: 'Own' } });
    expect(metadata.twitter).toEqual({ card: 'summary', title: 'Short', description: 'Own', images: [] });
  });

  it('a field it does not render, or a relative address, leaves the page to Next', () => {
    expect(resolvePageMetadata(ROOT_METADATA, { keywords: ['news'] })).toEqual({ ok: false, unsupported: 'page.keywords' });
    expect(resolvePageMetadata(ROOT_METADATA, { openGraph: { locale: 'en_US' } })).toEqual({ ok: false, unsupported: 'openGraph.locale' });
    expect(resolvePageMetadata(ROOT_METADATA, { openGraph: { type: 'profile' } })).toEqual({ ok: false, unsupported: 'openGraph.type profile' });
    expect(resolvePageMetadata(ROOT_METADATA, { alternates: { canonical: '/ravens/staff' } })).toEqual({ ok: false, unsupported: 'alternates.canonical (relative)' });
    expect(resolvePageMetadata(ROOT_METADATA, { title: { absolute: 'Ravens' } })).toEqual({ ok: false, unsupported: 'title (not a string)' });
  });
});
