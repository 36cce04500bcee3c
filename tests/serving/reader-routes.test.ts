import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchReaderRoute, scanReaderRoutes, searchParamsOf } from '@/lib/serving/reader-routes';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures: string[] = [];
afterAll(() => fixtures.forEach((fixture) => rmSync(fixture, { recursive: true, force: true })));

/** An app folder of its own holding these files, for one test. */
function appWith(...files: string[]): string {
  const fixture = mkdtempSync(path.join(os.tmpdir(), 'masthead-routes-'));
  fixtures.push(fixture);
  for (const relative of files) {
    mkdirSync(path.dirname(path.join(fixture, relative)), { recursive: true });
    writeFileSync(path.join(fixture, relative), 'export default function Page() { return null; }\n');
  }
  return fixture;
}

describe('the reader site’s pages, read from the file system as Next reads them', () => {
  it('finds every page of app/(site) under the school layout', () => {
    const routes = scanReaderRoutes(path.join(root, 'app'), '(site)');
    const article = matchReaderRoute(routes, '/ravens/articles/bus-route-cut');
    expect(article?.params).toEqual({ school: 'ravens', slug: 'bus-route-cut' });
    expect(article?.route.folder).toBe(path.join('(site)', '[school]', 'articles', '[slug]'));
    expect(article?.route.layoutFiles).toEqual([path.join(root, 'app/(site)/[school]/layout.tsx')]);
    for (const page of [
      '/ravens',
      '/ravens/sections/news',
      '/ravens/issues',
      '/ravens/issues/3/12',
      '/ravens/staff',
      '/ravens/staff/maya-ortiz',
      '/ravens/search',
      '/ravens/corrections',
      '/ravens/corrections/policy',
      '/ravens/sports',
      '/ravens/sports/volleyball',
    ]) {
      expect(matchReaderRoute(routes, page), page).not.toBeNull();
    }
  });

  it('a name is tried before a parameter, and parameters are decoded', () => {
    const routes = scanReaderRoutes(appWith('(site)/[school]/page.tsx', '(site)/[school]/[story]/page.tsx', '(site)/[school]/about/page.tsx'), '(site)');
    expect(matchReaderRoute(routes, '/ravens/about')?.route.segments).toEqual(['[school]', 'about']);
    expect(matchReaderRoute(routes, '/ravens/caf%C3%A9-opens')?.params).toEqual({ school: 'ravens', story: 'café-opens' });
    // Not the [story] page of a story called "about": Next decides what an escaped name is.
    expect(matchReaderRoute(routes, '/ravens/%61bout')).toBeNull();
  });

  it('a trailing slash, an empty segment or an undecodable one matches nothing (Next and the proxy answer those)', () => {
    const routes = scanReaderRoutes(appWith('(site)/[school]/page.tsx', '(site)/[school]/[story]/page.tsx'), '(site)');
    expect(matchReaderRoute(routes, '/ravens/')).toBeNull();
    expect(matchReaderRoute(routes, '/ravens//x')).toBeNull();
    expect(matchReaderRoute(routes, '/ravens/%E0%A4%A')).toBeNull();
    expect(matchReaderRoute(routes, '/ravens/a/b')).toBeNull();
    expect(routes.every((route) => route.leftToNext === null)).toBe(true);
  });

  it('a folder with a boundary this renderer does not model is Next’s, with everything under it, and still takes its addresses', () => {
    const app = appWith(
      '(site)/[school]/page.tsx',
      '(site)/[school]/[story]/page.tsx',
      '(site)/[school]/live/page.tsx',
      '(site)/[school]/live/loading.tsx',
      '(site)/[school]/live/[id]/page.tsx',
      '(site)/[school]/tags/[...tag]/page.tsx',
    );
    const routes = scanReaderRoutes(app, '(site)');
    // Not the [story] page's address: Next would render live/page.tsx, so the match says so.
    expect(matchReaderRoute(routes, '/ravens/live')?.route).toMatchObject({ segments: ['[school]', 'live'], leftToNext: expect.stringContaining('loading') });
    expect(matchReaderRoute(routes, '/ravens/live/1')?.route.leftToNext).toEqual(expect.stringContaining('loading'));
    expect(matchReaderRoute(routes, '/ravens/tags/a/b')?.route).toMatchObject({ segments: ['[school]', 'tags', '[...tag]'], leftToNext: expect.stringContaining('catch-all') });
    expect(matchReaderRoute(routes, '/ravens/bus-route')?.route.leftToNext).toBeNull();
  });

  it('a query name given twice reaches the page as a list, as Next gives it', () => {
    expect(searchParamsOf(new URLSearchParams('q=bus&q=route&page=2'))).toEqual({ q: ['bus', 'route'], page: '2' });
  });
});
