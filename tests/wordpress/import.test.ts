// Moving in from WordPress, with an export shaped exactly as WordPress 6 writes it (authors,
// categories, tags, an attachment, a [caption] shortcode, a comment, a page, and published,
// scheduled, draft and pending posts): what arrives, how it reads, that old addresses answer 301,
// that a second import changes nothing, and that hostile or broken files are refused whole.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor.ts';
import { platformDb as db } from '../../lib/db.ts';
import { renderArticleHtml } from '../../lib/content/render.ts';
import { readMediaFile } from '../../lib/media/serve.ts';
import type { ArticleDoc } from '../../lib/content/document.ts';
import { getPublishedArticle } from '../../lib/articles/public.ts';
import { importerFor, importWordPressFile, parseWxr, type ImportReport } from '../../lib/wordpress/index.ts';
import { exportSchoolToFolder, exportWxr } from '../../lib/wordpress/export.ts';
import { storedFeaturedImage } from '../../lib/articles/featured-image.ts';
import { proxy } from '../../proxy.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { projectRoot } from '../../scripts/lib/database';
import { actorByEmail, schoolBySlug, tableCounts } from '../factories.ts';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/wordpress-6.xml'));
let adviser: Actor;
let uploads: string;
let first: ImportReport;

async function articleByWordPressId(postId: string) {
  const record = await db.importRecord.findFirstOrThrow({ where: { schoolId: adviser.schoolId, source: 'wordpress', kind: 'post', sourceKey: postId } });
  return db.article.findUniqueOrThrow({ where: { id: record.targetId }, include: { bylines: { orderBy: { position: 'asc' }, include: { membership: true } }, section: true } });
}

beforeAll(async () => {
  await seedDemo();
  adviser = (await actorByEmail('adviser@lincoln.example', 'lincoln-high'))!;
  // The site's uploads folder as copied off the old server: the photo is there, the scoreboard is not.
  uploads = mkdtempSync(path.join(tmpdir(), 'wp-uploads-'));
  mkdirSync(path.join(uploads, '2024/05'), { recursive: true });
  writeFileSync(
    path.join(uploads, '2024/05/robotics-team.jpg'),
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer(),
  );
  const imported = await importWordPressFile(adviser, fixture, { uploadsDir: uploads });
  if (!imported.ok) throw new Error(imported.error);
  first = imported.data;
});

describe('importing a WordPress export', () => {
  it('reads the export: authors, categories, tags and every item', () => {
    const parsed = parseWxr(fixture);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.data.version).toBe('1.2');
    expect(parsed.data.authors.map((author) => author.login)).toEqual(['mgarcia', 'staffdesk']);
    expect(parsed.data.categories.map((category) => category.slug)).toEqual(['campus-news', 'sports', 'uncategorized']);
    expect(parsed.data.items.map((item) => `${item.type}:${item.id}`)).toEqual(['attachment:102', 'post:101', 'post:140', 'post:150', 'post:160', 'post:170', 'page:2']);
  });

  it('posts become articles with their dates, slugs, status, section, tags and bylines', async () => {
    expect(first.posts).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const robotics = await articleByWordPressId('101');
    expect(robotics).toMatchObject({
      slug: 'robotics-team-wins-state',
      headline: 'Robotics team wins state — again',
      deck: 'Second state title in three years.',
      status: 'PUBLISHED',
      tags: ['robotics'],
    });
    expect(robotics.section?.name).toBe('Sports');
    expect(robotics.firstPublishedAt?.toISOString()).toBe('2024-05-12T16:00:00.000Z');
    expect(robotics.publishedRevisionId).not.toBeNull();
    // The author, known by e-mail, is a staff member without a login until invited.
    expect(robotics.bylines).toMatchObject([{ guestName: null, membership: { displayName: 'Maria Garcia', role: 'REPORTER' } }]);
    const user = await db.user.findUniqueOrThrow({ where: { email: 'maria.garcia@ledger-import.example' } });
    expect(user.passwordHash).toBeNull();

    // A school-news theme's "writer" meta names the printed byline; an author without e-mail is a guest.
    const board = await articleByWordPressId('140');
    expect(board.bylines.map((byline) => [byline.guestName, byline.title])).toEqual([
      ['Sam Okafor', 'Staff Writer'],
      ['Lee Chen', 'Staff Writer'],
    ]);
    expect(board.section?.name).toBe('Campus News');
    expect(board.bodyText).toContain('Parents who spoke were divided.');

    expect(await articleByWordPressId('150')).toMatchObject({ status: 'SCHEDULED', scheduledFor: new Date('2026-12-24T17:00:00Z'), publishedRevisionId: null });
    expect(await articleByWordPressId('160')).toMatchObject({ status: 'DRAFT', sectionId: null, slug: 'cafeteria-survey-draft' });
    expect(await articleByWordPressId('170')).toMatchObject({ status: 'SUBMITTED' });
    const events = await db.workflowEvent.findMany({ where: { articleId: robotics.id } });
    expect(events).toMatchObject([{ action: 'import', toStatus: 'PUBLISHED', actorId: adviser.membershipId }]);
  });

  it('renders as the original did: the captioned photo from the uploads folder, text kept, scripts gone', async () => {
    const school = await schoolBySlug('lincoln-high');
    const article = await getPublishedArticle(school, 'robotics-team-wins-state');
    const html = renderArticleHtml(article!.revision.body as ArticleDoc);
    expect(html).toContain('The Lincoln robotics team won the state championship on Saturday');
    expect(html).toMatch(/<img[^>]+src="\/lincoln-high\/media\/[a-z0-9]+-full\.jpg"[^>]*alt="Six students hold a silver trophy in a gym"/);
    expect(html).toContain('The team with its trophy after the final round.');
    expect(html).toContain('<strong>Jae Park</strong>');
    expect(html).toContain('We rebuilt the arm twice.');
    for (const hostile of ['<script', 'javascript:', 'onerror', 'alert(', 'ledger.example.edu']) expect(html).not.toContain(hostile);
  });

  it('the post’s featured image (_thumbnail_id) becomes the story’s, the same upload as the photo in its text', async () => {
    const school = await schoolBySlug('lincoln-high');
    const article = await getPublishedArticle(school, 'robotics-team-wins-state');
    const html = renderArticleHtml(article!.revision.body as ArticleDoc);
    const inline = /\/lincoln-high\/media\/([a-z0-9]+)-full\.jpg/.exec(html)![1];
    expect(article!.image).toMatchObject({ mediaId: inline, src: `/lincoln-high/media/${inline}-full.jpg`, alt: 'Six students hold a silver trophy in a gym', focalX: 0.5, focalY: 0.5 });
    expect(article!.image!.width).toBeGreaterThan(0);
    // A post without one has none.
    const withoutOne = await getPublishedArticle(school, 'board-weighs-later-start-times');
    expect(withoutOne).not.toBeNull();
    expect(withoutOne!.image).toBeNull();
  });

  it('an imported photo’s narrower renditions are made when first asked for, only at the listed widths', async () => {
    const school = await schoolBySlug('lincoln-high');
    const article = await getPublishedArticle(school, 'robotics-team-wins-state');
    const html = renderArticleHtml(article!.revision.body as ArticleDoc);
    const id = /\/lincoln-high\/media\/([a-z0-9]+)-full\.jpg/.exec(html)![1]!;
    // The srcset names the 480-px rendition; the import did not make it, the first reader does.
    expect(html).toContain(`/lincoln-high/media/${id}-480.jpg 480w`);
    const variant = await readMediaFile(school.id, `${id}-480.jpg`);
    expect(variant?.contentType).toBe('image/jpeg');
    expect((await sharp(variant!.bytes).metadata()).width).toBe(480);
    expect((await readMediaFile(school.id, `${id}-480.jpg`))!.bytes.equals(variant!.bytes)).toBe(true);
    // Not narrower than the 900-px photo, not a listed width, another extension, another school.
    for (const name of [`${id}-960.jpg`, `${id}-300.jpg`, `${id}-480.png`]) expect(await readMediaFile(school.id, name)).toBeNull();
    const other = await schoolBySlug('canyon-crest');
    expect(await readMediaFile(other.id, `${id}-480.jpg`)).toBeNull();
  });

  it('reports what it could not bring: the missing file, the page, the comment and the unknown shortcode', () => {
    expect(first.missingFiles).toEqual(['https://ledger.example.edu/wp-content/uploads/2024/05/scoreboard.jpg']);
    expect(first.unknownShortcodes).toEqual({ pullquote: 1 });
    expect(first.skipped.map((skip) => skip.what)).toEqual(expect.arrayContaining(['1 item of type “page”', '1 reader comment']));
    expect(first.images).toEqual({ imported: 1, reused: 0 });
    // Lincoln already has a Sports section: the category lands in it; Campus News is new.
    expect(first.sections).toEqual({ created: 1, matched: 1 });
  });

  it('old permalinks and ?p= links answer 301 with the article, on the path and on the school’s host', async () => {
    const moved = async (url: string) => {
      const response = await proxy(new NextRequest(url));
      const location = response.headers.get('location');
      return [response.status, location && new URL(location).pathname];
    };
    expect(await moved('http://localhost/lincoln-high/2024/05/12/robotics-team-wins-state/')).toEqual([301, '/lincoln-high/articles/robotics-team-wins-state']);
    expect(await moved('http://localhost/lincoln-high/2024/05/12/Robotics-Team-Wins-State')).toEqual([301, '/lincoln-high/articles/robotics-team-wins-state']);
    expect(await moved('http://localhost/lincoln-high?p=140')).toEqual([301, '/lincoln-high/articles/board-weighs-later-start-times']);
    // A draft's old address stays unknown until it is published; so does an address nobody had.
    expect((await proxy(new NextRequest('http://localhost/lincoln-high?p=160'))).status).not.toBe(301);
    expect((await proxy(new NextRequest('http://localhost/lincoln-high/2024/05/12/no-such-story/'))).status).not.toBe(301);
    // Another school has none of these addresses.
    expect((await proxy(new NextRequest('http://localhost/canyon-crest/2024/05/12/robotics-team-wins-state/'))).status).not.toBe(301);
  });

  it('a second import of the same file changes nothing', async () => {
    const before = { ...(await tableCounts()), redirects: await db.articleRedirect.count(), media: await db.media.count() };
    const again = await importWordPressFile(adviser, fixture, { uploadsDir: uploads });
    if (!again.ok) throw new Error(again.error);
    expect(again.data.posts).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect({ ...(await tableCounts()), redirects: await db.articleRedirect.count(), media: await db.media.count() }).toEqual(before);
  });

  it('an edited post is updated in place on the next import, as a new revision', async () => {
    const edited = Buffer.from(fixture.toString('utf8').replace('Board weighs later start times', 'Board votes on later start times'));
    const again = await importWordPressFile(adviser, edited, { uploadsDir: uploads });
    if (!again.ok) throw new Error(again.error);
    expect(again.data.posts).toEqual({ created: 0, updated: 1, unchanged: 4 });
    const board = await articleByWordPressId('140');
    expect(board).toMatchObject({ headline: 'Board votes on later start times', slug: 'board-weighs-later-start-times', status: 'PUBLISHED' });
    expect(await db.articleRevision.count({ where: { articleId: board.id } })).toBe(2);
  });

  it('only the adviser or a school admin imports', async () => {
    const reporter = (await actorByEmail('reporter@lincoln.example', 'lincoln-high'))!;
    expect(await importWordPressFile(reporter, fixture)).toMatchObject({ ok: false, status: 403 });
    expect(await importerFor('lincoln-high')).toMatchObject({ ok: true, data: { role: 'ADVISER' } });
    expect(await importerFor('lincoln-high', 'nobody@example.com')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('files that are refused whole, with nothing written', () => {
  const hostile: [string, string, RegExp][] = [
    ['an external entity (XXE)', '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]><rss><channel><title>&secret;</title></channel></rss>', /document type/],
    [
      'an entity bomb',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel>&lol2;</channel></rss>',
      /document type/,
    ],
    ['malformed XML', fixture.toString('utf8').replace('</channel>', ''), /not well-formed XML .* at line \d+/],
    ['an RSS feed that is not an export', '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>x</title></item></channel></rss>', /not a WordPress export/],
    ['an HTML page', '<!doctype html><html><body>hello</body></html>', /not well-formed XML/],
    ['an XHTML page', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>hello</body></html>', /not a WordPress export/],
    ['a file that is not XML', 'PK\u0003\u0004 binary', /not well-formed XML/],
  ];
  it.each(hostile)('%s', async (_name, xml, message) => {
    const before = { ...(await tableCounts()), records: await db.importRecord.count() };
    const refused = await importWordPressFile(adviser, Buffer.from(xml));
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(refused.ok ? '' : refused.error).toMatch(message);
    expect({ ...(await tableCounts()), records: await db.importRecord.count() }).toEqual(before);
  });

  it('a file over the size limit is refused before it is read', () => {
    expect(parseWxr(Buffer.alloc(2048, ' '), { maxBytes: 1024 })).toMatchObject({ ok: false, status: 413 });
  });
});

describe('taking it out again', () => {
  it('export → import into another school round-trips every story', async () => {
    const picture = (stored: unknown) => {
      const image = storedFeaturedImage(stored);
      return image && { alt: image.alt, caption: image.caption, credit: image.credit, width: image.width, height: image.height };
    };
    const folder = mkdtempSync(path.join(tmpdir(), 'masthead-export-'));
    const exported = await exportSchoolToFolder(adviser, folder);
    if (!exported.ok) throw new Error(exported.error);
    expect(exported.data.pictures).toBeGreaterThan(0);
    const xml = readFileSync(exported.data.file);
    expect(parseWxr(xml).ok).toBe(true);

    // A new school, with Lincoln's adviser as its adviser, takes the whole file.
    const school = await db.school.create({ data: { slug: 'ledger-round-trip', name: 'Round Trip High', newspaperName: 'The Round Trip' } });
    await db.membership.create({ data: { schoolId: school.id, userId: adviser.userId, role: 'ADVISER', displayName: 'Lincoln Adviser', slug: 'lincoln-adviser' } });
    const newAdviser = (await actorByEmail('adviser@lincoln.example', 'ledger-round-trip'))!;
    const imported = await importWordPressFile(newAdviser, xml, { uploadsDir: path.join(folder, 'pictures') });
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.data.missingFiles).toEqual([]);

    // A story as readers know it (its published revision when it is live), with its status and dates.
    const shape = async (schoolId: string) =>
      (
        await db.article.findMany({
          where: { schoolId },
          select: {
            slug: true,
            status: true,
            headline: true,
            deck: true,
            bodyText: true,
            tags: true,
            firstPublishedAt: true,
            scheduledFor: true,
            section: { select: { name: true } },
            featuredImage: true,
            publishedRevision: { select: { headline: true, deck: true, bodyText: true, tags: true, featuredImage: true } },
          },
        })
      )
        .map(({ publishedRevision, section, ...article }) => ({
          ...article,
          ...(article.status === 'PUBLISHED' ? publishedRevision : {}),
          // The featured image as readers see it: the same picture (its size) and what is said of it.
          featuredImage: picture((article.status === 'PUBLISHED' ? publishedRevision : article)?.featuredImage),
          firstPublishedAt: article.status === 'PUBLISHED' ? article.firstPublishedAt : null,
          section: section?.name ?? null,
        }))
        .sort((a, b) => a.slug.localeCompare(b.slug));
    const original = await shape(adviser.schoolId);
    expect(original.filter((article) => article.featuredImage).length).toBeGreaterThan(0);
    expect(imported.data.posts.created).toBe(original.length);
    // Statuses that WordPress has no word for arrive as their nearest: approved → pending, changes requested → draft.
    const nearest = { APPROVED: 'SUBMITTED', CHANGES_REQUESTED: 'DRAFT', UNPUBLISHED: 'DRAFT' } as Record<string, string>;
    expect(await shape(school.id)).toEqual(original.map((article) => ({ ...article, status: nearest[article.status] ?? article.status })));
  });

  it('only the adviser or a school admin exports', async () => {
    const reporter = (await actorByEmail('reporter@lincoln.example', 'lincoln-high'))!;
    expect(await exportWxr(reporter)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('the commands', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'scripts', script), ...args], { cwd: projectRoot, env: { ...process.env }, encoding: 'utf8', timeout: 120_000 });

  it('npm run import:wordpress imports into the school it names, apart from every other school', async () => {
    const imported = run('import-wordpress.ts', ['--school', 'canyon-crest', path.join(import.meta.dirname, 'fixtures/wordpress-6.xml')]);
    expect(imported.stderr).not.toMatch(/\[import\]/);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/"created": 5/);
    // The same WordPress ids in another school are that school's own records and articles.
    const canyon = await schoolBySlug('canyon-crest');
    expect(await db.importRecord.count({ where: { schoolId: canyon.id, kind: 'post' } })).toBe(5);
    const moved = await proxy(new NextRequest('http://localhost/canyon-crest/2024/05/12/robotics-team-wins-state/'));
    expect(new URL(moved.headers.get('location')!).pathname).toBe('/canyon-crest/articles/robotics-team-wins-state');
  });

  // A broken file takes the same path out of the command as an unknown school (the importer's
  // message, exit 1); its messages are tested above without a process, which costs 5 s of CPU each.
  it('refuses clearly, and exits non-zero, for an unknown school', () => {
    const noSchool = run('import-wordpress.ts', ['--school', 'no-such-school', path.join(import.meta.dirname, 'fixtures/wordpress-6.xml')]);
    expect(noSchool.status).toBe(1);
    expect(noSchool.stderr).toMatch(/No school has the address “no-such-school”/);
  });

  it('npm run export:wordpress writes the file and its pictures, and the Masthead archive beside them', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wxr-out-'));
    const exported = run('export-wordpress.ts', ['--school', 'lincoln-high', '--out', out]);
    expect(exported.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['lincoln-high.masthead.zip', 'lincoln-high.wordpress.xml', 'pictures']);
    expect(readdirSync(path.join(out, 'pictures')).length).toBeGreaterThan(0);
    // A zip: its end-of-directory record closes the file.
    expect(readFileSync(path.join(out, 'lincoln-high.masthead.zip')).subarray(-22, -18).toString('hex')).toBe('504b0506');
  });
});
