// `npm run bench:import -- [--posts 20000]`: how long a school's WordPress archive takes to move in.
// Writes an export shaped like WordPress's (each post with a captioned photo, a category, two tags,
// one of a few dozen authors) and its uploads folder with one distinct JPEG per post, imports it into
// a new school,
// then imports it again (nothing may change). It runs on a throwaway database and data folder of
// its own, so nothing is left behind. Target: 20,000 posts with
// 20,000 pictures in under five minutes on the reference machine.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { projectRoot, startEmbeddedDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/prisma-cli.ts';

// --no-pictures imports without the uploads folder: the text alone, to see where the time goes.
const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, 'no-pictures': { type: 'boolean', default: false } } });
const posts = Number(values.posts);
// Under .data, where the embedded PostgreSQL (which runs as its own user) may write.
const work = path.join(projectRoot, '.data', 'bench-import');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const uploads = path.join(work, 'uploads');

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const SECTIONS = ['news', 'sports', 'opinion', 'features', 'arts'];
const PARAGRAPH = 'Students packed the auditorium on Thursday night to hear the candidates answer questions about parking, lunch lines and the new schedule, and the debate ran long past its hour.';

console.log(`[bench:import] writing ${posts} posts and ${posts} pictures to ${work}`);
let started = Date.now();
const items: string[] = [];
for (let index = 1; index <= posts; index++) {
  const month = String((index % 12) + 1).padStart(2, '0');
  const year = 2015 + (index % 10);
  const folder = path.join(uploads, String(year), month);
  if (index <= 120) mkdirSync(folder, { recursive: true });
  const picture = `photo-${index}.jpg`;
  const slug = `story-number-${index}`;
  const body = [
    `<p>${PARAGRAPH} (${index})</p>`,
    `[caption id="attachment_${posts + index}" align="aligncenter" width="640"]<img class="wp-image-${posts + index}" src="https://paper.example.edu/wp-content/uploads/${year}/${month}/${picture}" alt="Photo ${index}" /> Caption of story ${index}.[/caption]`,
    ...Array.from({ length: 4 }, () => `<p>${PARAGRAPH}</p>`),
  ].join('\n\n');
  items.push(`<item><title><![CDATA[Story number ${index}]]></title><link>https://paper.example.edu/${year}/${month}/01/${slug}/</link>
<dc:creator><![CDATA[writer${index % 40}]]></dc:creator><guid isPermaLink="false">https://paper.example.edu/?p=${index}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[The deck of story ${index}.]]></excerpt:encoded>
<wp:post_id>${index}</wp:post_id><wp:post_date><![CDATA[${year}-${month}-01 09:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[${year}-${month}-01 16:00:00]]></wp:post_date_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="${SECTIONS[index % SECTIONS.length]}"><![CDATA[${SECTIONS[index % SECTIONS.length]}]]></category>
<category domain="post_tag" nicename="tag-${index % 50}"><![CDATA[tag ${index % 50}]]></category><category domain="post_tag" nicename="year-${year}"><![CDATA[${year}]]></category></item>`);
  items.push(`<item><title><![CDATA[${picture}]]></title><wp:post_id>${posts + index}</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status><![CDATA[inherit]]></wp:status>
<wp:attachment_url><![CDATA[https://paper.example.edu/wp-content/uploads/${year}/${month}/${picture}]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Photo ${index}]]></wp:meta_value></wp:postmeta></item>`);
  // A distinct small photo per post (a school paper's web images are a few hundred pixels wide).
  const colour = { r: (index * 37) % 256, g: (index * 91) % 256, b: (index * 53) % 256 };
  writeFileSync(
    path.join(folder, picture),
    await sharp({ create: { width: 640, height: 427, channels: 3, background: colour } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}
const authors = Array.from(
  { length: 40 },
  (_, index) =>
    `<wp:author><wp:author_login><![CDATA[writer${index}]]></wp:author_login><wp:author_email><![CDATA[writer${index}@import-bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer ${index}]]></wp:author_display_name></wp:author>`,
);
const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${escape('The Bench Gazette')}</title><link>https://paper.example.edu</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://paper.example.edu</wp:base_site_url><wp:base_blog_url>https://paper.example.edu</wp:base_blog_url>
${authors.join('\n')}
${items.join('\n')}
</channel></rss>`;
writeFileSync(path.join(work, 'export.xml'), wxr);
console.log(`[bench:import] written in ${((Date.now() - started) / 1000).toFixed(0)} s (${(wxr.length / 1024 / 1024).toFixed(0)} MB of XML)`);

const database = await startEmbeddedDatabase({ dataDir: path.join(work, 'postgres'), port: Number(process.env.MASTHEAD_BENCH_PG_PORT ?? 54369), database: 'masthead', ephemeral: true });
await applyMigrations(database.url, { quiet: true });
process.env.DATABASE_URL = database.url;
// Pictures are stored under the throwaway folder too.
process.env.MASTHEAD_DATA_DIR = path.join(work, 'data');
delete process.env.MASTHEAD_S3_BUCKET;
const { platformDb: db, disconnectDb } = await import('../lib/db.ts');
const { actorInSchool } = await import('../lib/auth/actor.ts');
const { importWordPressFile } = await import('../lib/wordpress/index.ts');
const slug = `import-bench-${Date.now().toString(36)}`;
try {
  const school = await db.school.create({ data: { slug, name: 'Import Bench High', newspaperName: 'The Bench Gazette' } });
  const user = await db.user.upsert({ where: { email: 'adviser@import-bench.example' }, create: { email: 'adviser@import-bench.example', name: 'Bench Adviser' }, update: {} });
  await db.membership.create({ data: { schoolId: school.id, userId: user.id, role: 'ADVISER', displayName: 'Bench Adviser', slug: 'bench-adviser' } });
  const actor = (await actorInSchool(user.id, school))!;
  const bytes = await import('node:fs/promises').then((fs) => fs.readFile(path.join(work, 'export.xml')));
  for (const round of ['first import', 'second import (nothing changes)']) {
    started = Date.now();
    const report = await importWordPressFile(actor, bytes, {
      uploadsDir: values['no-pictures'] ? undefined : uploads,
      onProgress: (done, total) => {
        if (done % 500 === 0 || done === total) process.stdout.write(`\r[bench:import] ${round}: ${done} of ${total} posts, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    process.stdout.write('\n');
    if (!report.ok) throw new Error(report.error);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[bench:import] ${round}: ${seconds.toFixed(1)} s, ${(posts / seconds).toFixed(0)} posts/s — ${JSON.stringify({ posts: report.data.posts, images: report.data.images, redirects: report.data.redirects })}`,
    );
  }
} finally {
  await disconnectDb();
  await database.stop();
  rmSync(work, { recursive: true, force: true });
  process.exit(process.exitCode ?? 0);
}
