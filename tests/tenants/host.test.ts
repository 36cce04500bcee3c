import { beforeAll, describe, expect, it } from 'vitest';
import { classifyHost, findSchoolSlugByCustomHost, SchoolSlug } from '../../lib/tenants/index.ts';
import { seedDemo } from '../../prisma/seed.ts';

describe('school resolution from the host', () => {
  const root = 'masthead.news';

  it('reads the school from a subdomain of the root domain, ignoring port and case', () => {
    expect(classifyHost('canyon-crest.masthead.news', root)).toEqual({ kind: 'subdomain', slug: 'canyon-crest' });
    expect(classifyHost('Canyon-Crest.Masthead.News:3000', root)).toEqual({ kind: 'subdomain', slug: 'canyon-crest' });
  });

  it('treats the root domain, www, localhost and reserved or nested names as the platform', () => {
    expect(classifyHost('masthead.news', root)).toEqual({ kind: 'platform' });
    expect(classifyHost('www.masthead.news', root)).toEqual({ kind: 'platform' });
    expect(classifyHost('api.masthead.news', root)).toEqual({ kind: 'platform' });
    expect(classifyHost('a.b.masthead.news', root)).toEqual({ kind: 'platform' });
    expect(classifyHost('localhost:3000', root)).toEqual({ kind: 'platform' });
    expect(classifyHost('canyon-crest.masthead.news', undefined)).toEqual({ kind: 'platform' });
  });

  it('treats any other host as a possible custom domain, and rejects malformed hosts', () => {
    expect(classifyHost('news.ccaravens.org', root)).toEqual({ kind: 'custom', host: 'news.ccaravens.org' });
    expect(classifyHost('evil.com/<script>', root)).toEqual({ kind: 'platform' });
  });

  it('accepts school slugs of lower-case letters, digits and hyphens only', () => {
    expect(SchoolSlug.safeParse('canyon-crest').success).toBe(true);
    for (const bad of ['-crest', 'crest-', 'a b', 'signin', 'api', 'x'.repeat(49), '../etc']) {
      expect(SchoolSlug.safeParse(bad).success, bad).toBe(false);
    }
  });

  describe('custom domains', () => {
    beforeAll(async () => {
      await seedDemo();
    });

    it('maps a registered custom domain to its school, and an unknown one to none', async () => {
      expect(await findSchoolSlugByCustomHost('news.lincolnledger.test')).toBe('lincoln-high');
      expect(await findSchoolSlugByCustomHost('NEWS.LincolnLedger.test:443')).toBe('lincoln-high');
      expect(await findSchoolSlugByCustomHost('unknown.example.org')).toBeNull();
    });
  });
});
