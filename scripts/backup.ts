// `npm run backup -- [--out <directory>]`: every table and the uploaded files of the database
// DATABASE_URL names, or of the embedded one (stop `npm run dev` first, or point DATABASE_URL at it).
import path from 'node:path';
import { backup } from './lib/backup.ts';
import { projectRoot, startConfiguredDatabase } from './lib/database.ts';

const outIndex = process.argv.indexOf('--out');
const outDir = path.resolve(outIndex === -1 ? path.join(projectRoot, 'backups', new Date().toISOString().replace(/[:.]/g, '-')) : process.argv[outIndex + 1]!);
const uploadsDir = process.env.MASTHEAD_S3_BUCKET ? null : path.resolve(process.env.MASTHEAD_DATA_DIR ?? path.join(projectRoot, '.data'), 'uploads');

const database = await startConfiguredDatabase();
try {
  const manifest = await backup(database.url, outDir, uploadsDir);
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  console.log(`[backup] ${rows} rows in ${Object.keys(manifest.tables).length} tables${'files' in manifest.uploads ? ` and ${manifest.uploads.files} uploaded files` : ''} written to ${outDir}`);
} finally {
  await database.stop();
}
