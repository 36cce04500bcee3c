import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uploadImage } from '../../lib/media/upload.ts';
import { seedDemo } from '../../prisma/seed.ts';
import { backup, restore } from '../../scripts/lib/backup.ts';
import { createDatabaseFromTemplate, databaseUrlFor, withPgClient } from '../../scripts/lib/database.ts';
import { jpegWithGps } from '../../e2e/images.ts';
import { seededActors } from '../factories.ts';

// A backup of a seeded school with an uploaded photo, restored into a brand-new database: the same
// rows in every table, the same content, the same files.
const adminUrl = inject('adminDatabaseUrl');
const template = inject('templateDatabase');
const work = mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-'));
const sourceUploads = path.join(work, 'source-data', 'uploads');
const targets: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `masthead_restore_${randomBytes(5).toString('hex')}`;
  await createDatabaseFromTemplate(adminUrl, name, template);
  targets.push(name);
  return databaseUrlFor(adminUrl, name);
}

async function snapshot(url: string) {
  return withPgClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await client.query(`SELECT count(*) FROM "${name}"`)).rows[0].count);
    const { rows } = await client.query<{ hash: string }>(
      `SELECT md5(string_agg(r.id || r.headline || r."bodyText" || r.body::text || a.slug || coalesce(a."publishedRevisionId", ''), '|' ORDER BY r.id)) AS hash FROM article_revisions r JOIN articles a ON a.id = r."articleId"`,
    );
    return { counts, contentHash: rows[0]!.hash };
  });
}

const filesOf = (directory: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [path.relative(directory, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)).toString('base64')]),
  );

beforeAll(async () => {
  process.env.MASTHEAD_DATA_DIR = path.join(work, 'source-data');
  await seedDemo();
  const { adviser } = await seededActors();
  expect(await uploadImage(adviser, { bytes: await jpegWithGps(900, 600), filename: 'bus.jpg' }, { alt: 'The bus' })).toMatchObject({ ok: true });
});

afterAll(async () => {
  for (const name of targets) await withPgClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe('backup and restore', () => {
  it('round trip: every table’s row count, the content hash and the uploaded files come back identical', async () => {
    const before = await snapshot(process.env.DATABASE_URL!);
    expect(before.counts.articles).toBeGreaterThan(2);
    expect(before.counts.media).toBe(1);

    const outDir = path.join(work, 'backup');
    const manifest = await backup(process.env.DATABASE_URL!, outDir, sourceUploads);
    expect(manifest.tables.articles!.rows).toBe(before.counts.articles);
    expect(manifest.uploads).toEqual({ files: Object.keys(filesOf(sourceUploads)).length });

    const target = await freshDatabase();
    expect((await snapshot(target)).counts.articles).toBe(0);
    const targetUploads = path.join(work, 'target-data', 'uploads');
    await restore(target, outDir, targetUploads);

    const after = await snapshot(target);
    const { _prisma_migrations: _ignored, ...beforeCounts } = before.counts;
    const { _prisma_migrations: _ignoredToo, ...afterCounts } = after.counts;
    expect(afterCounts).toEqual(beforeCounts);
    expect(after.contentHash).toBe(before.contentHash);
    expect(filesOf(targetUploads)).toEqual(filesOf(sourceUploads));
    console.log(
      `backup round trip: ${Object.values(afterCounts).reduce((sum, count) => sum + count, 0)} rows in ${Object.keys(afterCounts).length} tables, content hash ${after.contentHash}, ${Object.keys(filesOf(targetUploads)).length} files`,
    );
  });

  it('a damaged backup is refused and leaves the target database as it was', async () => {
    const outDir = path.join(work, 'damaged');
    await backup(process.env.DATABASE_URL!, outDir, sourceUploads);
    const target = await freshDatabase();
    await restore(target, path.join(work, 'backup'), null);
    const before = await snapshot(target);
    // One revision's text changed inside the backup: the manifest's hash no longer matches.
    const file = path.join(outDir, 'tables', 'article_revisions.csv.gz');
    const { gunzipSync } = await import('node:zlib');
    writeFileSync(file, gzipSync(gunzipSync(readFileSync(file)).toString('utf8').replace('Strategic Risks', 'Strategic Rumours')));
    await expect(restore(target, outDir, null)).rejects.toThrow(/did not come back as it was backed up/);
    expect(await snapshot(target)).toEqual(before);
  });
});
