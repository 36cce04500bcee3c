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
import { samplePicturePath, sampleWxr } from './lib/sample-wxr.ts';

// --no-pictures imports without the uploads folder: the text alone, to see where the time goes.
const { values } = parseArgs({ options: { posts: { type: 'string', default: '20000' }, 'no-pictures': { type: 'boolean', default: false } } });
const posts = Number(values.posts);
// Under .data, where the embedded PostgreSQL (which runs as its own user) may write.
const work = path.join(projectRoot, '.data', 'bench-import');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const uploads = path.join(work, 'uploads');

console.log(`[bench:import] writing ${posts} posts and ${posts} pictures to ${work}`);
let started = Date.now();
const wxr = sampleWxr({ posts, pictures: true });
for (let index = 1; index <= posts; index++) {
  const { folder, file } = samplePicturePath(index);
  if (index <= 120) mkdirSync(path.join(uploads, folder), { recursive: true });
  // A distinct small photo per post (a school paper's web images are a few hundred pixels wide).
  const colour = { r: (index * 37) % 256, g: (index * 91) % 256, b: (index * 53) % 256 };
  writeFileSync(
    path.join(uploads, folder, file),
    await sharp({ create: { width: 640, height: 427, channels: 3, background: colour } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}
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
