// `npm run export:wordpress -- --school <slug> [--out <folder>] [--as <adviser e-mail>]`: the whole
// paper as a WordPress export file, with a folder of the pictures its stories show beside it, and
// as Masthead's own archive (<slug>.masthead.zip: JSON with every revision, and every photo).
// WordPress imports the file (Tools → Import); Masthead imports both:
// `npm run import:wordpress -- --school <slug> <file> --uploads <folder>/pictures`.
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { runOnDatabase } from './lib/command.ts';
import { projectRoot } from './lib/database.ts';

const { values } = parseArgs({ options: { school: { type: 'string' }, out: { type: 'string' }, as: { type: 'string' } } });
if (!values.school) {
  console.error('Usage: npm run export:wordpress -- --school <slug> [--out <folder>] [--as <adviser e-mail>]');
  process.exit(2);
}
const folder = path.resolve(values.out ?? path.join(projectRoot, 'exports', `${values.school}-${new Date().toISOString().slice(0, 10)}`));

await runOnDatabase('export', async () => {
  const { importerFor } = await import('../lib/wordpress/index.ts');
  const { exportSchoolToFolder } = await import('../lib/wordpress/export.ts');
  const actor = await importerFor(values.school!, values.as);
  if (!actor.ok) throw new Error(actor.error);
  const { schoolArchive } = await import('../lib/tenants/archive.ts');
  const exported = await exportSchoolToFolder(actor.data, folder);
  if (!exported.ok) throw new Error(exported.error);
  console.log(`[export] ${exported.data.file} and ${exported.data.pictures} pictures in ${path.join(folder, 'pictures')}`);
  const archive = await schoolArchive(actor.data);
  if (!archive.ok) throw new Error(archive.error);
  const archiveFile = path.join(folder, `${values.school}.masthead.zip`);
  await pipeline(archive.data, createWriteStream(archiveFile));
  console.log(`[export] ${archiveFile}`);
});
