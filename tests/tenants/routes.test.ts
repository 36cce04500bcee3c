// The route table (lib/routes.ts) against the routes that exist on disk: a new top-level route that
// the table does not know would be taken for a school's address.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlatformPath, oldAddressUnder, PLATFORM_ROOTS, readerPageSchool, RESERVED_SLUGS, SCHOOL_PAGES, schoolArea } from '../../lib/routes.ts';
import { SchoolSlug } from '../../lib/tenants/host.ts';

const app = path.resolve(import.meta.dirname, '../../app');

describe('the route table', () => {
  it('names every top-level route folder of app/ as a platform path or a reserved name', () => {
    const folders = readdirSync(app).filter((name) => statSync(path.join(app, name)).isDirectory() && !/^[([]/.test(name));
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect(RESERVED_SLUGS.has(folder), `app/${folder}`).toBe(true);
    for (const root of PLATFORM_ROOTS) expect(RESERVED_SLUGS.has(root)).toBe(true);
  });

  it('refuses every reserved name as a school slug', () => {
    for (const name of RESERVED_SLUGS) expect(SchoolSlug.safeParse(name).success, name).toBe(false);
    expect(SchoolSlug.safeParse('canyon-crest').success).toBe(true);
  });

  it('tells platform paths, reader pages, the newsroom and media apart', () => {
    expect(['/signin', '/api/health', '/_next/static/x.js', '/invitations/abc', '/admin', '/dev/outbox', '/newsroom', '/forgot-password'].every(isPlatformPath)).toBe(true);
    expect(isPlatformPath('/canyon-crest')).toBe(false);
    expect(isPlatformPath('/robots.txt')).toBe(false); // on a school's own domain it is the school's
    expect(['/canyon-crest', '/canyon-crest/articles/x', '/canyon-crest/sections/news?page=2', '/canyon-crest/feed.xml', '/canyon-crest/search?q=a'].map(readerPageSchool)).toEqual(
      Array(5).fill('canyon-crest'),
    );
    expect(schoolArea('/canyon-crest/newsroom/articles/x')).toEqual({ school: 'canyon-crest', area: 'newsroom' });
    expect(schoolArea('/canyon-crest/media/photo.webp')).toEqual({ school: 'canyon-crest', area: 'media' });
    expect(schoolArea('/canyon-crest/requests/new')).toEqual({ school: 'canyon-crest', area: 'requests' });
    expect(['/canyon-crest/newsroom', '/canyon-crest/media/a.jpg', '/canyon-crest/requests/new', '/signin', '/api/schools/canyon-crest/articles', '/robots.txt', '/'].map(readerPageSchool)).toEqual(
      Array(7).fill(null),
    );
  });

  it("knows every page of a school's site, so only other addresses are looked up among old ones", () => {
    // The reader site, the newsroom and the public request form, each a route group over [school].
    const pages = ['(site)', '(newsroom)', '(requests)'].flatMap((group) => {
      const folder = path.join(app, group, '[school]');
      return readdirSync(folder).filter((name) => statSync(path.join(folder, name)).isDirectory());
    });
    expect(new Set(SCHOOL_PAGES)).toEqual(new Set(pages));
    expect(oldAddressUnder('/ravens/2019/05/12/robotics/', 'ravens')).toBe('/2019/05/12/robotics/');
    expect(oldAddressUnder('/ravens/robotics-wins', 'ravens')).toBe('/robotics-wins');
    expect(['/ravens', '/ravens/', '/ravens/articles/x', '/ravens/feed.xml', '/ravens/newsroom/members', '/ravens/media/a.jpg'].map((path) => oldAddressUnder(path, 'ravens'))).toEqual(
      Array(6).fill(null),
    );
  });
});
