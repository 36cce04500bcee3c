// `npm run prisma -- <args>`: the Prisma CLI on this project's database (embedded unless
// DATABASE_URL is set), e.g. `npm run prisma -- migrate dev --name add_tags`.
import { startConfiguredDatabase } from './lib/database';
import { runPrismaCli } from './lib/prisma-cli';

const args = process.argv.slice(2);
const database = await startConfiguredDatabase();
let exitCode = 0;
try {
  await runPrismaCli(args, database.url);
} catch (error) {
  console.error((error as Error).message.split('\n')[0]);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);
