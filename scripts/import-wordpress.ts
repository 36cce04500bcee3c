// `npm run import:wordpress -- --school <slug> <export.xml> [--uploads <wp-content/uploads>] [--as <e-mail>]`:
// a WordPress export (Tools → Export → All content) into a school, on the database DATABASE_URL
// names or the embedded one (stop `npm run dev` first). Running it again updates what changed and
// duplicates nothing; the report says what was imported, skipped and why.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runOnDatabase } from './lib/command.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { school: { type: 'string' }, uploads: { type: 'string' }, as: { type: 'string' } } });
const file = positionals[0];
if (!values.school || !file) {
  console.error('Usage: npm run import:wordpress -- --school <slug> <export.xml> [--uploads <wp-content/uploads folder>] [--as <adviser e-mail>]');
  process.exit(2);
}

await runOnDatabase('import', async () => {
  const { importerFor, importWordPressFile } = await import('../lib/wordpress/index.ts');
  const actor = await importerFor(values.school!, values.as);
  if (!actor.ok) throw new Error(actor.error);
  const started = Date.now();
  const report = await importWordPressFile(actor.data, await readFile(path.resolve(file!)), {
    uploadsDir: values.uploads ? path.resolve(values.uploads) : undefined,
    onProgress: (done, total) => {
      if (done % 100 === 0 || done === total) process.stdout.write(`\r[import] ${done} of ${total} posts`);
    },
  });
  process.stdout.write('\n');
  if (!report.ok) throw new Error(report.error);
  console.log(JSON.stringify(report.data, null, 2));
  console.log(`[import] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
