import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { platformDb as db } from '../../lib/db.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { projectRoot } from '../../scripts/lib/database';
import { schoolBySlug, tableCounts } from '../factories.ts';

describe('the demo seed', () => {
  beforeAll(async () => {
    await seedDemo();
  });

  it('is idempotent: a second run adds and changes nothing', async () => {
    const before = await tableCounts();
    const articleBefore = await db.article.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true, updatedAt: true } });
    await seedDemo();
    expect(await tableCounts()).toEqual(before);
    expect(await db.article.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true, updatedAt: true } })).toEqual(articleBefore);
    expect(before).toMatchObject({ schools: 2, editions: 1, editionItems: 1 });
  });

  it('publishes the fixture article with three subheads, the quotation and the byline block in Vol. 1, No. 1', async () => {
    const school = await schoolBySlug('canyon-crest');
    const article = await getPublishedArticle(school, 'north-korea-troops-russia-ukraine');
    expect(article).not.toBeNull();
    const html = renderArticleHtml(article!.revision.body);
    expect(html.match(/<h2>/g)).toHaveLength(3);
    expect(html).toContain('<h2>China’s Dilemma</h2>');
    expect(html).toMatch(/<blockquote><p>“North Korea’s provision of military aid/);
    expect(article!.bylines).toEqual([
      {
        title: 'Student Reporter',
        name: 'Andrew Choi',
        profileSlug: 'andrew-choi',
        bio: 'Andrew Choi is a Sophomore student in Canyon Crest Academy',
        contactEmail: 'reporter@example.edu',
      },
    ]);
    const edition = await db.edition.findFirstOrThrow({ where: { schoolId: school.id }, include: { items: { orderBy: { position: 'asc' } } } });
    expect([edition.volume, edition.number, edition.status]).toEqual([1, 1, 'PUBLISHED']);
    expect(edition.items.map((item) => item.articleId)).toEqual([article!.id]);
  });

  it('gives the second school its own staff and a draft, and nothing published', async () => {
    const school = await schoolBySlug('lincoln-high');
    const articles = await db.article.findMany({ where: { schoolId: school.id } });
    expect(articles.map((article) => article.status)).toEqual(['DRAFT']);
    expect(await db.membership.count({ where: { schoolId: school.id } })).toBe(3);
  });

  it('carries the same fixture text as shared/fixtures', () => {
    const shared = path.resolve(projectRoot, '../shared/fixtures/seed-article.txt');
    if (!existsSync(shared)) return; // a clone without the shared folder beside it
    expect(readFileSync(path.join(projectRoot, 'prisma/fixtures/seed-article.txt'), 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });
});
