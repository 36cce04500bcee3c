// `npm run restore -- <backup directory>`: replaces the rows and uploaded files of the database
// DATABASE_URL names (or the embedded one) with the backup's, after bringing its schema to the
// backup's migration, and checks every table against the backup's manifest.
import path from 'node:path';
import { restore, RestoreError } from './lib/backup.ts';
import { projectRoot, startConfiguredDatabase } from './lib/database.ts';
import { applyMigrations } from './lib/prisma-cli.ts';

const fromDir = process.argv[2];
if (!fromDir) {
  console.error('Usage: npm run restore -- <backup directory>');
  process.exit(2);
}
const uploadsDir = process.env.MASTHEAD_S3_BUCKET ? null : path.resolve(process.env.MASTHEAD_DATA_DIR ?? path.join(projectRoot, '.data'), 'uploads');
const database = await startConfiguredDatabase();
try {
  await applyMigrations(database.url, { quiet: true });
  const manifest = await restore(database.url, path.resolve(fromDir), uploadsDir);
  console.log(`[restore] ${Object.keys(manifest.tables).length} tables restored from the backup of ${manifest.createdAt} and checked against its manifest`);
} catch (error) {
  console.error(`[restore] ${error instanceof RestoreError ? error.message : (error as Error).stack}`);
  process.exitCode = 1;
} finally {
  await database.stop();
}
